import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { purge } from "../../src/applications/retention.js";
import { findUserRecord } from "../../src/applications/user-records.js";
import { consoleReviewers } from "../../src/review/reviewers.js";
import { runCli, testEnv } from "../helpers/child-process.js";
import { whereFound } from "../helpers/data-dir-scan.js";
import { createHarness, type Harness, submitIdCardAs } from "../helpers/harness.js";
import { minimalGoodJpeg } from "../helpers/hostile-files.js";
import { TESTED_DIALECTS } from "../helpers/test-databases.js";

const POLICY = { retentionDays: 90, conversationRetentionDays: 30 };
const DAY = 86_400_000;
const START = new Date("2026-11-23T02:00:00Z");
const days = (n: number) => new Date(START.getTime() + n * DAY);

// Made-up values: a valid ID-number checksum, a reserved phone range, example.com.
const ALICE = { name: "Retention Probe Alice", email: "retention.alice@example.com", phone: "13812348001", idNumber: "11010519491231002X" };
const BOB = { name: "Retention Probe Bob", email: "retention.bob@example.com" };
const QUESTION = "Zorblax quux wibble frobnicate";

describe.each(TESTED_DIALECTS)("on %s", (dialect) => {
  let harness: Harness;
  let reference: string;
  let aliceDocuments: string[];
  let bobDocuments: string[];

  beforeAll(async () => {
    harness = await createHarness({ dialect, reviewers: consoleReviewers(["rita"]), now: START });
    ({ reference, documentIds: aliceDocuments } = await submitIdCardAs(harness, "alice", ALICE));
    await harness.chat("rita").press(`rv.ok.${reference}`);

    // Bob stops after his first photo: an idle draft.
    const bob = harness.chat("bob");
    await bob.press("start");
    for (const answer of [BOB.name, BOB.email, "13812348002"]) await bob.text(answer);
    await bob.press("method.id_card");
    await bob.text("110101199003070011");
    await bob.file(await minimalGoodJpeg(70));
    const draft = (await harness.store.transaction(async (tx) => tx.loadDraft((await tx.findUserId("console", "bob"))!)))!;
    bobDocuments = Object.values(draft.documents).flatMap((document) => [document.id, document.previewId]);

    const carol = harness.chat("carol");
    await carol.press("start");
    await carol.text("/cancel");
    await carol.text(QUESTION);
    await carol.press("support");
  }, 60_000);
  afterAll(() => harness.close());

  const documentExists = (id: string) => harness.documents.has(id);
  const NOTHING = { applications: 0, conversations: 0, drafts: 0, notifications: 0, supportTexts: 0, faqQuestions: 0, documents: 0 };
  const run = (asOf: Date, dryRun = false) => purge(harness.store, harness.documents, POLICY, { asOf, now: asOf, dryRun });

  describe("retention, with a moving clock", () => {
    it("the flows stored what retention is about: a decided application, an idle draft with a photo, a question", async () => {
      const [questions] = await harness.rows<{ n: number }>("select count(*) as n from support_requests where question is not null");
      expect(Number(questions!.n)).toBe(1);
      expect(aliceDocuments).toHaveLength(4);
      expect(bobDocuments).toHaveLength(2);
      for (const id of [...aliceDocuments, ...bobDocuments]) expect(await documentExists(id)).toBe(true);
    });

    it("before any period ends, nothing is due", async () => {
      expect(await run(days(29), true)).toEqual({
        applications: 0,
        conversations: 0,
        drafts: 0,
        notifications: 0,
        supportTexts: 0,
        faqQuestions: 0,
        documents: 0,
      });
    });

    it("after 30 idle days: conversations and the idle draft go with its photo; the dry run said exactly that and changed nothing", async () => {
      const dry = await run(days(31), true);
      expect(dry).toMatchObject({ applications: 0, conversations: 3, drafts: 1, notifications: 0, supportTexts: 0 });
      expect(dry.documents).toBe(2);
      for (const id of bobDocuments) expect(await documentExists(id)).toBe(true);
      expect(await run(days(31))).toEqual(dry);
      for (const id of bobDocuments) expect(await documentExists(id)).toBe(false);
      for (const id of aliceDocuments) expect(await documentExists(id)).toBe(true); // still referenced by her application
      expect(await whereFound(harness, Object.values(BOB))).toEqual([]);
      expect((await findUserRecord(harness.store, "console", "alice", "2026-12-24"))?.application?.status).toBe("approved");
    });

    it("90 days after the decision: answers and documents erased; status, method, dates, masked number and digests stay; audited", async () => {
      expect(await run(days(89), true)).toMatchObject({ applications: 0, supportTexts: 0 });
      const report = await run(days(91));
      expect(report).toMatchObject({ applications: 1, conversations: 0, drafts: 0, supportTexts: 1 });
      expect(report.notifications).toBeGreaterThanOrEqual(1);
      expect(report.documents).toBe(4);
      for (const id of aliceDocuments) expect(await documentExists(id)).toBe(false);

      const record = await findUserRecord(harness.store, "console", "alice", "2027-02-22");
      expect(record?.verified).toBe(true);
      expect(record?.application).toMatchObject({ reference, status: "approved", method: "id_card" });
      const application = (await harness.store.transaction((tx) => tx.loadApplication(reference)))!;
      expect(application.draft).toEqual({ documents: {} });
      expect(application.erasedAt).not.toBeNull();
      const rows = await harness.rows("select masked_identity from applications where reference = ?", reference);
      expect(rows).toEqual([{ masked_identity: "110105********002X" }]);
      const [digests] = await harness.rows<{ n: number }>("select count(*) as n from identity_digests");
      expect(Number(digests!.n)).toBe(1);
      const trail = await harness.auditOf(reference);
      expect(trail.at(-1)).toMatchObject({ actor: "system:retention", reason: "erased:retention", from: "approved", to: "approved" });
      const erasures = await harness.rows("select kind, actor, items from erasures order by id");
      expect(erasures).toContainEqual({ kind: "application", actor: "system:retention", items: 1 });
      expect(erasures).toContainEqual({ kind: "support_text", actor: "system:retention", items: 1 });

      expect(await whereFound(harness, [...Object.values(ALICE), QUESTION])).toEqual([]);
    });

    it("a second purge finds nothing more; the erasure log refuses changes", async () => {
      expect(await run(days(92))).toEqual(NOTHING);
      await expect(harness.rows("delete from erasures")).rejects.toThrow(/append-only/);
    });

    it("npm run cli -- purge: counts per kind as JSON, --dry-run, and a bad --as-of refused", () => {
      const env = testEnv(harness.dir, harness.database.kind === "postgres" ? { DATABASE_URL: harness.database.url } : {});
      const dry = runCli(["purge", "--as-of", "2027-06-01", "--dry-run", "--json"], env);
      expect(dry.code).toBe(0);
      expect(JSON.parse(dry.stdout)).toEqual({ asOf: "2027-06-01T00:00:00.000Z", dryRun: true, ...NOTHING });
      expect(runCli(["purge", "--as-of", "someday"], env).code).toBe(2);
    });
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findUserRecord } from "../../src/applications/user-records.js";
import type { Reply } from "../../src/chat/reply.js";
import { consoleReviewers } from "../../src/review/reviewers.js";
import { runCli, testEnv } from "../helpers/child-process.js";
import { whereFound } from "../helpers/data-dir-scan.js";
import { createHarness, type Harness, keys, readable, submitIdCardAs, submitWithPhone } from "../helpers/harness.js";
import { TESTED_DIALECTS } from "../helpers/test-databases.js";

// Made-up values: a valid ID-number checksum, a reserved phone range, example.com.
const ALICE = { name: "Rights Probe Alice", email: "rights.alice@example.com", phone: "13812348003", idNumber: "11010519491231002X" };

describe.each(TESTED_DIALECTS)("on %s", (dialect) => {
  let harness: Harness;
  let reference: string;
  let documentIds: string[];

  beforeAll(async () => {
    harness = await createHarness({ dialect, reviewers: consoleReviewers(["rita"]) });
    ({ reference, documentIds } = await submitIdCardAs(harness, "alice", ALICE));
    await harness.chat("rita").press(`rv.op.${reference}`);
  }, 60_000);
  afterAll(() => harness.close());

  const fileOf = (replies: Reply[]) => replies.find((reply) => reply.file)?.file;

  describe("the user's rights in chat", () => {
    it("/privacy says what is kept, who sees it and for how long, with Export and Delete buttons; so does the FAQ", async () => {
      const [about] = await harness.chat("alice").text("/privacy");
      expect(readable([about!])).toMatch(/encrypted/);
      expect(readable([about!])).toMatch(/90 days after the decision/);
      expect(readable([about!])).toMatch(/after 30 days without activity/);
      expect(about?.choices?.map((choice) => choice.id)).toEqual(["privacy.export", "privacy.erase"]);
      const [faq] = await harness.chat("alice").press("faq.privacy");
      expect(faq?.choices?.map((choice) => choice.id)).toEqual([
        "privacy.export",
        "privacy.erase",
        "helpful.privacy.yes",
        "helpful.privacy.no",
      ]);
    });

    it("Export my data: a JSON file with everything held, the documents, and who opened the application when", async () => {
      const replies = await proven(harness, "alice", "export");
      // Read in order: the file, then the menu it leaves the user in (the pending question last).
      expect(keys(replies)).toEqual(["privacy.export.ready", "menu.prompt"]);
      const file = fileOf(replies);
      expect(file?.name).toMatch(/^my-data-2026-11-23\.json$/);
      const data = JSON.parse(file!.content.toString("utf8"));
      expect(data.applications[0]).toMatchObject({
        reference,
        status: "submitted",
        answers: { name: ALICE.name, idNumber: ALICE.idNumber },
      });
      // Reviewers by role, never by their platform accounts (issue 28 §9).
      expect(data.openedBy).toEqual([{ reference, by: "a reviewer", at: "2026-11-23T02:00:00.000Z" }]);
      expect(file!.content.toString("utf8")).not.toContain("reviewer:console:rita");
      expect(data.user.accounts).toEqual([expect.objectContaining({ platform: "console", userId: "alice" })]);
      const stored = await harness.documents.get(data.applications[0].documents.id_front.id);
      expect(data.documentFiles.find((file: { id: string }) => file.id === data.applications[0].documents.id_front.id).base64).toBe(
        stored.toString("base64"),
      );
    });

    it("Delete my data while under review: refused, explained, with the way out (withdraw)", async () => {
      const replies = await harness.chat("alice").press("privacy.erase");
      expect(keys(replies)).toEqual(["privacy.erase.underReview"]);
      expect(replies[0]?.choices?.map((choice) => choice.id)).toEqual(["withdraw"]);
      expect(await harness.store.transaction((tx) => tx.loadApplication(reference))).toMatchObject({ draft: { name: ALICE.name } });
    });

    it("after the decision: asked to confirm; “keep” deletes nothing; confirmed, nothing of the user remains but the result", async () => {
      await harness.chat("rita").press(`rv.ok.${reference}`);
      const alice = harness.chat("alice");
      expect(keys(await proven(harness, "alice", "erase"))).toEqual(["privacy.erase.confirm"]);
      expect(keys(await alice.press("privacy.erase.cancel"))).toContain("privacy.erase.kept");
      for (const id of documentIds) expect(await harness.documents.has(id)).toBe(true);

      await proven(harness, "alice", "erase");
      expect(keys(await alice.press("privacy.erase.confirm"))).toContain("privacy.erased");
      expect(await whereFound(harness, Object.values(ALICE))).toEqual([]);
      for (const id of documentIds) expect(await harness.documents.has(id)).toBe(false);
      const record = await findUserRecord(harness.store, "console", "alice", "2026-11-23");
      expect(record?.verified).toBe(true);
      expect(await harness.rows("select kind, actor from erasures")).toContainEqual({ kind: "user", actor: "user:console:alice" });
      expect((await harness.auditOf(reference)).at(-1)).toMatchObject({ reason: "erased:user_request", actor: "user:console:alice" });
      // A confirm button pressed again later does nothing.
      expect(keys(await alice.press("privacy.erase.confirm"))).toContain("input.staleChoice");
    });
  });

  describe("npm run cli -- privacy", () => {
    it("exports to stdout; erase needs --yes, is refused while under review, then erases", async () => {
      const bobReference = await submitWithPhone(harness, "bob");
      const env = testEnv(harness.dir, harness.database.kind === "postgres" ? { DATABASE_URL: harness.database.url } : {});
      const exported = runCli(["privacy", "export", "console", "bob"], env);
      expect(exported.code).toBe(0);
      expect(JSON.parse(exported.stdout).applications[0]).toMatchObject({ reference: bobReference, answers: { email: "bob@example.com" } });
      expect(runCli(["privacy", "export", "console", "nobody"], env).code).toBe(1);
      expect(runCli(["privacy", "erase", "console", "bob"], env).code).toBe(2);
      const refused = runCli(["privacy", "erase", "console", "bob", "--yes"], env);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(`${bobReference} is under review`);

      await harness.chat("rita").press(`rv.nx.${bobReference}.1`);
      await harness.chat("rita").press("rv.nn");
      const erased = runCli(["privacy", "erase", "console", "bob", "--yes", "--json"], env);
      expect(erased.code).toBe(0);
      expect(JSON.parse(erased.stdout)).toMatchObject({ platform: "console", user: "bob", erased: { applications: 1, conversations: 1 } });
      expect(await whereFound(harness, ["bob@example.com"])).toEqual([]);
      expect(await harness.rows("select actor from erasures where kind = 'user'")).toContainEqual({ actor: "operator:cli" });
    });
  });
});

/** Export or erase asked in the chat: a code goes to the registered phone (issue 28 §15), typed back; the replies to it. */
async function proven(harness: Harness, user: string, action: "export" | "erase") {
  const chat = harness.chat(user);
  expect(keys(await chat.press(`privacy.${action}`))).toEqual([`privacy.proof.sent.${action}`, "privacy.proof.prompt"]);
  return chat.text(harness.lastCode());
}

import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eraseUserData } from "../../src/applications/privacy-rights.js";
import { consoleReviewers } from "../../src/review/reviewers.js";
import { createHarness, type Harness, submitIdCardAs } from "../helpers/harness.js";
import { TESTED_DIALECTS } from "../helpers/test-databases.js";

// Made-up values: a valid ID-number checksum, a reserved phone range, example.com.
const APPLICANT = { name: "Shared Probe", email: "shared.probe@example.com", phone: "13812348009", idNumber: "11010519491231002X" };

/** On PostgreSQL the document bytes live in the database, sealed, where every instance reads them. */
describe.runIf(TESTED_DIALECTS.includes("postgres"))("documents on PostgreSQL", () => {
  let first: Harness;
  let second: Harness;
  let reference: string;
  let documentIds: string[];
  beforeAll(async () => {
    first = await createHarness({ dialect: "postgres", reviewers: consoleReviewers(["rita"]) });
    second = await createHarness({ dialect: "postgres", sharing: { database: first.database } });
    ({ reference, documentIds } = await submitIdCardAs(first, "alice", APPLICANT));
  }, 60_000);
  afterAll(async () => {
    await second.close();
    await first.close();
  });

  it("are kept in the database, sealed, and not on the instance's disk", async () => {
    const rows = await first.db.selectFrom("document_files").select(["id", "bytes"]).execute();
    expect(rows.map((row) => row.id).sort()).toEqual([...documentIds].sort());
    const JPEG = Buffer.from([0xff, 0xd8, 0xff]);
    for (const { bytes } of rows) expect(Buffer.from(bytes).subarray(0, 3).equals(JPEG)).toBe(false);
    expect(existsSync(join(first.dir, "documents"))).toBe(false);
  });

  it("are read by another instance", async () => {
    const application = (await second.store.transaction((tx) => tx.loadApplication(reference)))!;
    const front = await second.documents.get(application.draft.documents.id_front!.id);
    expect(second.documents.idOf(front, application.userId)).toBe(application.draft.documents.id_front!.id);
  });

  it("go with the user's erasure", async () => {
    await first.chat("rita").press(`rv.ok.${reference}`);
    const userId = (await first.store.transaction((tx) => tx.findUserId("console", "alice")))!;
    const erased = await eraseUserData(first.store, first.documents, userId, "operator:cli", new Date());
    expect(erased).toMatchObject({ counts: { applications: 1 } });
    expect(await first.db.selectFrom("document_files").select("id").execute()).toEqual([]);
  });
});

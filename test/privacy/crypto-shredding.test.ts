import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eraseUserData } from "../../src/applications/privacy-rights.js";
import { consoleReviewers } from "../../src/review/reviewers.js";
import { filesUnder, readOutsideThisProcess } from "../helpers/data-dir-scan.js";
import { createHarness, type Harness, submitIdCardAs } from "../helpers/harness.js";
import { RawDecrypter } from "../helpers/raw-decrypt.js";
import { TEST_POSTGRES_URL, TESTED_DIALECTS } from "../helpers/test-databases.js";

// Made-up values: a valid ID-number checksum, a reserved phone range, example.com.
const ERASED = { name: "Shred Probe", email: "shred.probe@example.com", phone: "13812348011", idNumber: "11010519491231002X" };
const KEPT = { name: "Kept Probe", email: "kept.probe@example.com", phone: "13812348012", idNumber: "110105198001010016" };
const JPEG = Buffer.from([0xff, 0xd8, 0xff]);

/**
 * The raw bytes the database keeps: on SQLite its files under DATA_DIR (database, WAL, documents);
 * on PostgreSQL, after a CHECKPOINT, every table's and TOAST table's file, dead row versions and all.
 */
async function rawFiles(harness: Harness): Promise<Buffer[]> {
  if (harness.dialect === "sqlite") return filesUnder(harness.dir).map(readOutsideThisProcess);
  await harness.rows("checkpoint");
  const relations = await harness.rows<{ path: string }>(
    `select pg_relation_filepath(c.oid) as path from pg_class c
      where c.relkind in ('r', 't') and (c.relnamespace = 'public'::regnamespace
        or c.oid in (select reltoastrelid from pg_class where relnamespace = 'public'::regnamespace))`,
  );
  const files: Buffer[] = [];
  for (const { path } of relations) {
    const [row] = await harness.rows<{ bytes: Buffer }>("select pg_read_binary_file(?) as bytes", path);
    files.push(row!.bytes);
  }
  return files;
}

/** What someone holding every configured key reads in the raw bytes: the probes' values, and whether a document photo opens. */
async function readable(harness: Harness, needles: readonly string[]): Promise<{ values: string[]; photos: number }> {
  const files = await rawFiles(harness);
  const decrypter = new RawDecrypter(harness.dataKeys);
  const tokens = files.flatMap((bytes) => RawDecrypter.tokensIn(bytes));
  while (decrypter.learnUserKeys(tokens) > 0);
  const opened = tokens.flatMap((token) => decrypter.open(token));
  const values = needles.filter((needle) => opened.some((text) => text.includes(needle)));
  const photos = files.flatMap((bytes) => decrypter.openBytesWithin(bytes)).filter((plain) => plain.subarray(0, 3).equals(JPEG)).length;
  return { values, photos };
}

/** A transaction holding a transaction id in the server's `test` database, not the harness's. */
async function transactionInAnotherDatabase(): Promise<{ endAfter(ms: number): Promise<void> }> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await client.connect();
  await client.query("begin");
  await client.query("select txid_current()");
  return {
    async endAfter(ms) {
      await new Promise((resolve) => setTimeout(resolve, ms));
      await client.query("commit");
      await client.end();
    },
  };
}

describe.each(TESTED_DIALECTS)("erasure destroys the user's key (crypto-shredding) on %s", (dialect) => {
  let harness: Harness;
  let kept: string;
  beforeAll(async () => {
    harness = await createHarness({ dialect, reviewers: consoleReviewers(["rita"]) });
    const { reference } = await submitIdCardAs(harness, "alice", ERASED);
    ({ reference: kept } = await submitIdCardAs(harness, "bob", KEPT));
    await harness.chat("rita").press(`rv.ok.${reference}`);
  }, 60_000);
  afterAll(() => harness.close());

  it("before erasure, the raw bytes do give the values and photos to someone holding the keys (the scan can see)", async () => {
    const { values, photos } = await readable(harness, Object.values(ERASED));
    expect(values.sort()).toEqual(Object.values(ERASED).sort());
    expect(photos).toBeGreaterThan(0);
  });

  it("after erasure, nothing of the user opens with any configured key, old row versions included; others' data still does", async () => {
    const userId = (await harness.store.transaction((tx) => tx.findUserId("console", "alice")))!;
    // PostgreSQL: another database of the server has a transaction that began before the erasure and ends a
    // second into it (another application): until it ends, VACUUM would keep the deleted wrapped key.
    const elsewhere = dialect === "postgres" ? await transactionInAnotherDatabase() : undefined;
    const erasing = eraseUserData(harness.store, harness.documents, userId, "operator:cli", new Date());
    await elsewhere?.endAfter(1_000);
    const erased = await erasing;
    expect(erased).not.toHaveProperty("refused");
    const { values } = await readable(harness, Object.values(ERASED));
    expect(values).toEqual([]);
    expect(await harness.rows("select user_id from user_keys where user_id = ?", userId)).toEqual([]);
    // Bob's application is untouched and opens as before.
    const application = await harness.store.transaction((tx) => tx.loadApplication(kept));
    expect(application?.draft).toMatchObject({ name: KEPT.name, email: KEPT.email });
    const bobsPhotos = await readable(harness, Object.values(KEPT));
    expect(bobsPhotos.values.sort()).toEqual(Object.values(KEPT).sort());
  });
});

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SqlStore } from "../../db/sql-store.js";
import { findUserRecord } from "../../src/applications/user-records.js";
import { Keyring } from "../../src/runtime/keyring.js";
import { createHarness, type Harness, submitWithPhone } from "../helpers/harness.js";

let harness: Harness;
beforeEach(async () => {
  harness = await createHarness();
});
afterEach(() => harness.close());

describe("re-sealing the store's columns", () => {
  it("treats a key id with '_' literally: values of key 'test' are stale for the new key 't_st', and all move to it", async () => {
    await submitWithPhone(harness, "alice");
    const next = { id: "t_st", key: Buffer.alloc(32, 5) };
    // The harness's own key is "test" (see test-keys.ts); the new one goes first.
    const both = new Keyring([next, { id: "test", key: Buffer.alloc(32, 7) }]);
    const columns = new SqlStore(harness.db, both, async () => undefined).sealedColumns();
    const stale = await columns.remaining();
    expect(stale).toBeGreaterThan(0);
    let moved = 0;
    for (let batch = await columns.resealBatch(2); batch > 0; batch = await columns.resealBatch(2)) moved += batch;
    expect(moved).toBe(stale);
    expect(await columns.remaining()).toBe(0);
    const onlyNext = new SqlStore(harness.db, new Keyring([next]), async () => undefined);
    expect((await findUserRecord(onlyNext, "console", "alice", "2099-12-31"))?.application?.status).toBe("submitted");
    const application = await onlyNext.transaction(async (tx) => {
      const { user } = await tx.openChat({ platform: "console", chatId: "alice", platformUserId: "alice" }, "en", new Date());
      return tx.latestContactDetails(user.id);
    });
    expect(application?.email).toBe("alice@example.com");
  });
});

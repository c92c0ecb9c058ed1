import { describe, expect, it } from "vitest";
import { createHarness, restartHarness } from "../helpers/harness.js";
import { TESTED_DIALECTS } from "../helpers/test-databases.js";

// A user's key is created with their first sealed value, inside the event's transaction: if that transaction
// rolls back, the key must be gone with it, or later values are sealed under a key no row holds — unreadable.
describe.each(TESTED_DIALECTS)("a user's key on %s", (dialect) => {
  it("created by a transaction that rolled back is not used after it: what the next one seals opens after a restart", async () => {
    const harness = await createHarness({ dialect });
    const at = harness.now();
    const chat = { platform: "console", chatId: "key-probe" } as const;
    const { user } = await harness.store.transaction((tx) => tx.openChat({ ...chat, platformUserId: "key-probe" }, "en", at), { chat });
    const failed = harness.store.transaction(
      async (tx) => {
        // Two sealed values: the second finds the key the first created, as an event's snapshot and replies do.
        await tx.saveDraft(user.id, { documents: {}, name: "Rolled Back" }, at);
        await tx.saveDraft(user.id, { documents: {}, name: "Rolled Back Too" }, at);
        throw new Error("the event failed");
      },
      { chat },
    );
    await expect(failed).rejects.toThrow("the event failed");
    expect(await harness.rows("select user_id from user_keys")).toEqual([]);
    await harness.store.transaction((tx) => tx.saveDraft(user.id, { documents: {}, name: "Kept Probe" }, at), { chat });
    expect(await harness.rows("select user_id from user_keys")).toEqual([{ user_id: user.id }]);
    await harness.close(false);

    const restarted = await restartHarness(harness);
    try {
      expect(await restarted.store.transaction((tx) => tx.loadDraft(user.id))).toMatchObject({ name: "Kept Probe" });
    } finally {
      await restarted.close();
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness, submitIdCardAs } from "../helpers/harness.js";

// Made-up values: valid ID-number checksums, a reserved phone range, example.com.
const ALICE = { name: "Place Probe", email: "place.probe@example.com", phone: "13812348013", idNumber: "11010519491231002X" };
const BOB = { name: "Other Probe", email: "other.probe@example.com", phone: "13812348014", idNumber: "110105198001010024" };

/** A sealed value opens only where it was sealed: its table, column and row (and its user's key). */
describe("sealed values are bound to where they live", () => {
  let harness: Harness;
  let alice: string;
  let bob: string;
  beforeAll(async () => {
    harness = await createHarness();
    ({ reference: alice } = await submitIdCardAs(harness, "alice", ALICE));
    ({ reference: bob } = await submitIdCardAs(harness, "bob", BOB));
  }, 60_000);
  afterAll(() => harness.close());

  const details = (reference: string) =>
    harness.rows<{ details: string }>("select details from applications where reference = ?", reference).then(([row]) => row!.details);
  const load = (reference: string) => harness.store.transaction((tx) => tx.loadApplication(reference));

  it("opens in its own row", async () => {
    expect((await load(alice))?.draft).toMatchObject({ name: ALICE.name });
  });

  it("does not open in another user's row (their key) nor in another row or column of the same user", async () => {
    const own = await details(alice);
    await harness.rows("update applications set details = ? where reference = ?", await details(bob), alice);
    await expect(load(alice)).rejects.toThrow(/user key that no longer exists/);
    // The conversation's snapshot, sealed under alice's own key, moved into her application's answers.
    const [{ snapshot }] = (await harness.rows("select snapshot from conversations where chat_id = 'alice'")) as [{ snapshot: string }];
    await harness.rows("update applications set details = ? where reference = ?", snapshot, alice);
    await expect(load(alice)).rejects.toThrow(/failed authentication/);
    // A plain value written behind the store's back is refused too (only `keys rotate` seals those).
    await harness.rows("update applications set details = ? where reference = ?", JSON.stringify({ name: "Forged" }), alice);
    await expect(load(alice)).rejects.toThrow(/is not sealed/);
    await harness.rows("update applications set details = ? where reference = ?", own, alice);
    expect((await load(alice))?.draft).toMatchObject({ name: ALICE.name });
  });
});

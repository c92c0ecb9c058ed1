import { createHash } from "node:crypto";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../helpers/harness.js";
import { minimalGoodJpeg } from "../helpers/hostile-files.js";
import { TESTED_DIALECTS } from "../helpers/test-databases.js";

// Issue 28 §12: holding a photo must not tell anyone whether it is stored — documents are named by a keyed hash.
describe.each(TESTED_DIALECTS)("document names on %s", (dialect) => {
  let harness: Harness;
  let other: Harness;
  beforeAll(async () => {
    harness = await createHarness({ dialect });
    other = await createHarness({ dialect });
  });
  afterAll(async () => {
    await harness.close();
    await other.close();
  });

  it("are an HMAC of the owner and bytes under the store's own key: not their SHA-256, alike for one user's equal photos, unlike for another user or store", async () => {
    const photo = await minimalGoodJpeg(3);
    const sha256 = createHash("sha256").update(photo).digest("hex");
    const owner = async (store: typeof harness.store, userId: string) => ({ userId, key: await store.userKey(userId) });
    const id = await harness.documents.put(photo, await owner(harness.store, "user-a"));
    expect(id).toMatch(/^[0-9a-f]{64}$/);
    expect(id).not.toBe(sha256);
    expect(await harness.documents.put(photo, await owner(harness.store, "user-a"))).toBe(id); // equal photos are kept once
    // Another user's equal photo is theirs: named and sealed apart, so erasing one leaves the other readable.
    const theirs = await harness.documents.put(photo, await owner(harness.store, "user-b"));
    expect(theirs).not.toBe(id);
    expect((await harness.documents.get(theirs)).equals(photo)).toBe(true);
    expect(await other.documents.put(photo, await owner(other.store, "user-a"))).not.toBe(id);
    // Where the bytes are kept, nothing is named after the photo's plain hash.
    const names =
      dialect === "sqlite"
        ? readdirSync(join(harness.dir, "documents"), { recursive: true }).map(String)
        : (await harness.rows<{ id: string }>("select id from document_files")).map((row) => row.id);
    expect(names.some((name) => name.includes(id))).toBe(true);
    expect(names.some((name) => name.includes(sha256))).toBe(false);
    expect(existsSync(join(harness.dir, "documents", sha256))).toBe(false);
  });
});

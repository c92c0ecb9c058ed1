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

  it("are an HMAC of the bytes under the store's own key: not their SHA-256, alike for equal photos, unlike in another store", async () => {
    const photo = await minimalGoodJpeg(3);
    const sha256 = createHash("sha256").update(photo).digest("hex");
    const id = await harness.documents.put(photo);
    expect(id).toMatch(/^[0-9a-f]{64}$/);
    expect(id).not.toBe(sha256);
    expect(await harness.documents.put(photo)).toBe(id); // equal photos are kept once
    expect(await other.documents.put(photo)).not.toBe(id);
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

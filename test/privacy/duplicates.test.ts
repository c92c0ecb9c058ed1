import { afterEach, describe, expect, it } from "vitest";
import { findUserRecord } from "../../src/applications/user-records.js";
import type { Reply } from "../../src/chat/reply.js";
import { consoleReviewers } from "../../src/review/reviewers.js";
import { createHarness, type Harness, readable, registerForIdCard } from "../helpers/harness.js";
import { minimalGoodJpeg } from "../helpers/hostile-files.js";
import { NEXT_TEST_KEY, TEST_DATA_KEYS } from "../helpers/test-keys.js";

// Test-only numbers: valid checksums, made-up regions and dates.
const SHARED_ID = "11010519491231002X";
const OTHER_ID = "110101199001011237";

let harness: Harness;
afterEach(() => harness.close(true));

async function submit(user: string, idNumber: string): Promise<{ reference: string; card: Reply }> {
  const chat = harness.chat(user);
  await registerForIdCard(chat);
  await chat.text(idNumber);
  await chat.file(await minimalGoodJpeg(3));
  await chat.file(await minimalGoodJpeg(9));
  await chat.press("submit");
  const replies = await chat.press("consent.agree");
  const reference = (await findUserRecord(harness.store, "console", user, "2026-11-23"))!.application!.reference;
  return { reference, card: replies.find((reply) => reply.to?.chatId === "rita")! };
}

describe("duplicate ID numbers, found by keyed digest", () => {
  it("flags a second user's application with the same ID number on its card, naming the first and its status", async () => {
    harness = await createHarness({ reviewers: consoleReviewers(["rita"]) });
    const first = await submit("alice", SHARED_ID);
    expect(readable([first.card])).not.toMatch(/also in application/);
    const other = await submit("bob", OTHER_ID);
    expect(readable([other.card])).not.toMatch(/also in application/);
    const second = await submit("carol", SHARED_ID);
    expect(readable([second.card])).toContain(`The same ID number or credit code is also in application ${first.reference} (under review)`);
    // The digests table holds keyed hashes only.
    const digests = harness.sqlite.prepare("select digest, kind from identity_digests").all() as Array<{ digest: string; kind: string }>;
    expect(digests.filter((row) => row.kind === "number").length).toBe(3);
    expect(digests.filter((row) => row.kind === "phone").length).toBe(3); // one per application: only to recognise a reviewer
    for (const { digest } of digests) {
      expect(digest).toMatch(/^test:[0-9a-f]{64}$/);
      expect(digest).not.toContain("1101");
    }
  });

  it("still finds a number digested before a key rotation, while the old key is listed", async () => {
    harness = await createHarness({ reviewers: consoleReviewers(["rita"]) });
    const first = await submit("alice", SHARED_ID);
    const { dir } = harness;
    await harness.close(false);
    harness = await createHarness({ dir, reviewers: consoleReviewers(["rita"]), dataKeys: `${NEXT_TEST_KEY},${TEST_DATA_KEYS}` });
    const second = await submit("carol", SHARED_ID);
    expect(readable([second.card])).toContain(`also in application ${first.reference}`);
  });
});

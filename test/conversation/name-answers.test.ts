import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness, keys } from "../helpers/harness.js";

/**
 * The labelled set of answers to the name step (test/fixtures/name-answers.json), each typed at the
 * name step of a conversation of its own through the engine: every real name is taken (the next
 * question is the email), and nothing that is not a name is ever stored as one.
 */
const labelled = JSON.parse(readFileSync(new URL("../fixtures/name-answers.json", import.meta.url), "utf8")) as {
  names: string[];
  notAName: string[];
};

let harness: Harness;
beforeAll(async () => {
  harness = await createHarness();
});
afterAll(() => harness.close());

let chats = 0;
/** A new user at the name step types `text`: was it stored as the name? */
async function typedAtNameStep(text: string, locale: "en" | "zh-CN"): Promise<{ stored: string | undefined; keys: string[] }> {
  const user = `u${++chats}`;
  const chat = harness.chat(user, "console", locale);
  expect(keys(await chat.press("start"))).toContain("ask.name");
  const replies = await chat.text(text);
  const stored = await harness.store.transaction(async (tx) => {
    const { user: found } = await tx.openChat({ platform: "console", chatId: user, platformUserId: user }, locale, new Date());
    return (await tx.loadDraft(found.id))?.name;
  });
  return { stored, keys: keys(replies) };
}

const hasHan = (text: string) => /\p{Script=Han}/u.test(text);

describe("the labelled name answers", () => {
  it("holds at least 200 real names and 200 non-answers", () => {
    expect(labelled.names.length).toBeGreaterThanOrEqual(200);
    expect(labelled.notAName.length).toBeGreaterThanOrEqual(200);
  });

  it("every real name is taken: 0 refused", async () => {
    const refused: string[] = [];
    for (const name of labelled.names) {
      const { stored, keys: replyKeys } = await typedAtNameStep(name, hasHan(name) ? "zh-CN" : "en");
      if (stored === undefined || !replyKeys.includes("ask.email")) refused.push(name);
    }
    expect(refused).toEqual([]);
  });

  it("no non-answer is stored: 0 stored, and the name step is asked again", async () => {
    const stored: string[] = [];
    for (const text of labelled.notAName) {
      const result = await typedAtNameStep(text, hasHan(text) ? "zh-CN" : "en");
      if (result.stored !== undefined) stored.push(text);
    }
    expect(stored).toEqual([]);
  });
});

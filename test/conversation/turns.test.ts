import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Reply } from "../../src/chat/reply.js";
import { createHarness, type Harness, keys } from "../helpers/harness.js";
import { minimalGoodJpeg } from "../helpers/hostile-files.js";

// Issue 24 §4: turns from /start to a submitted application with every answer right (was 11, 9 and 13).

let harness: Harness;
beforeEach(async () => {
  harness = await createHarness();
});
afterEach(() => harness.close());

type Turn = { text: string } | { press: string } | { photo: number } | { code: true };

async function turnsToSubmit(turns: Turn[]): Promise<number> {
  const chat = harness.chat("alice");
  let last: Reply[] = [];
  for (const turn of turns) {
    if ("text" in turn) last = await chat.text(turn.text);
    else if ("press" in turn) last = await chat.press(turn.press);
    else if ("photo" in turn) last = await chat.file(await minimalGoodJpeg(turn.photo));
    else last = await chat.text(harness.lastCode());
  }
  expect(keys(last)[0]).toBe("submitted.done");
  return turns.length;
}

const REGISTER: Turn[] = [
  { text: "/start" },
  { press: "start" },
  { text: "张三" },
  { text: "zhang.san@example.com" },
  { text: "13812348000" },
];
const SUBMIT: Turn = { press: "consent.agree" };

describe("turns to submit, all answers right", () => {
  it("ID card: 10", async () => {
    const idCard = [...REGISTER, { press: "method.id_card" }, { text: "11010519491231002X" }, { photo: 1 }, { photo: 2 }, SUBMIT];
    expect(await turnsToSubmit(idCard)).toBe(10);
  });

  it("phone: 8", async () => {
    expect(await turnsToSubmit([...REGISTER, { press: "method.phone" }, { code: true }, SUBMIT])).toBe(8);
  });

  // Two more than in issue 24: the legal representative's ID card, both sides (issue 26 §4).
  it("enterprise: 14", async () => {
    const enterprise: Turn[] = [
      ...REGISTER,
      { press: "method.enterprise" },
      { text: "北京某某科技有限公司" },
      { text: "91350100M000100Y43" },
      { photo: 3 },
      { text: "李四" },
      { text: "11010519491231002X" },
      { photo: 4 },
      { photo: 5 },
      SUBMIT,
    ];
    expect(await turnsToSubmit(enterprise)).toBe(14);
  });
});

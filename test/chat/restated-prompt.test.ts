import { describe, expect, it } from "vitest";
import { withoutRestatedPrompt } from "../../src/chat/restated-prompt.js";
import { msg } from "../../src/i18n/message.js";

describe("a step's question restated by its why is not asked again under it", () => {
  it("the prompt's paragraphs after the question, its buttons and its expected input go under the why", () => {
    const why = { body: [msg("why.phone", { use: msg("phone.use.result") })] };
    const prompt = {
      body: [msg("ask.phone"), msg("ask.currentValue", { value: "+86 138 1234 8000" })],
      choices: [{ id: "keep", label: msg("choice.faq") }],
      expects: "phone" as const,
    };
    expect(withoutRestatedPrompt([{ body: [msg("snapshot.reset")] }, why, prompt])).toEqual([
      { body: [msg("snapshot.reset")] },
      { body: [...why.body, prompt.body[1]], choices: prompt.choices, expects: "phone" },
    ]);
  });

  it("another step's question, an answer with buttons of its own, or no prompt at all: unchanged", () => {
    const why = { body: [msg("why.email", { use: msg("phone.use.result") })] };
    const cases = [
      [why, { body: [msg("ask.phone")], expects: "phone" as const }],
      [{ ...why, choices: [{ id: "faq", label: msg("choice.faq") }] }, { body: [msg("ask.email")] }],
      [{ body: [msg("ask.email")] }, why],
      [why],
    ];
    for (const contents of cases) expect(withoutRestatedPrompt(contents)).toEqual(contents);
  });
});

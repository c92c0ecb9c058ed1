import { describe, expect, it } from "vitest";
import { joinIntoAnswer } from "../../adapters/telegram/telegram-answer.js";
import { MESSAGE_LIMIT, messageText } from "../../adapters/telegram/telegram-render.js";
import type { Reply } from "../../src/chat/reply.js";
import { msg } from "../../src/i18n/message.js";

const text = (words: string, extra: Partial<Reply> = {}): Reply => ({
  locale: "en",
  body: [msg("announcement.body", { text: words })],
  ...extra,
});
const menu: Reply = { locale: "en", body: [msg("menu.prompt")], choices: [{ id: "start", label: msg("choice.approve") }] };

describe("an update's replies joined into the one a webhook answer carries", () => {
  it("joins plain texts before the last into it, a blank line apart; the last keeps its buttons and what it expects", () => {
    const joined = joinIntoAnswer([text("Hello!"), text("Photo received."), { ...menu, expects: "phone" }]);
    expect(joined).toHaveLength(1);
    expect(messageText(joined[0]!)).toBe("Hello!\n\nPhoto received.\n\nWhat would you like to do?");
    expect(joined[0]).toMatchObject({ choices: menu.choices, expects: "phone" });
  });

  it("joins nothing across a reply that must stay a message of its own: buttons, the contact keyboard, another chat's", () => {
    const buttons = { ...text("Was this helpful?"), choices: menu.choices };
    expect(joinIntoAnswer([text("A"), buttons, text("B")]).map(messageText)).toEqual(["A", "Was this helpful?", "B"]);
    expect(joinIntoAnswer([text("A", { expects: "phone" }), text("B")]).map(messageText)).toEqual(["A", "B"]);
    expect(joinIntoAnswer([text("A"), text("B", { to: { platform: "telegram", chatId: "9" } })])).toHaveLength(2);
  });

  it("joins nothing into a last reply that is not one new text message: a card, documents, an edit, a file", () => {
    for (const extra of [
      { card: "VR-1" },
      { attachments: [{ documentId: "d", label: msg("menu.prompt") }] },
      { replacesPressed: true },
      { file: { name: "export.json", content: Buffer.from("{}") } },
    ])
      expect(joinIntoAnswer([text("A"), text("B", extra)])).toHaveLength(2);
  });

  it("joins only what one message holds: the rest goes before it, in order", () => {
    const long = "x".repeat(MESSAGE_LIMIT - 10);
    const joined = joinIntoAnswer([text("first"), text(long), text("end")]);
    expect(joined.map(messageText)).toEqual(["first", `${long}\n\nend`]);
    expect(joinIntoAnswer([text("only")]).map(messageText)).toEqual(["only"]);
    expect(joinIntoAnswer([])).toEqual([]);
  });
});

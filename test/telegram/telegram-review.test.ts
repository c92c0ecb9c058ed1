import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findUserRecord } from "../../src/applications/user-records.js";
import type { ApiCall } from "../helpers/fake-telegram-api.js";
import { createTelegramHarness, REVIEW_CHAT, REVIEWER, SECOND_REVIEWER, type TelegramHarness } from "../helpers/telegram-harness.js";

let t: TelegramHarness;
let reference: string;
let cardMessageId: number;
let submissionCalls: ApiCall[];
const ALICE = 1001;
const BYSTANDER = 777;

beforeEach(async () => {
  t = await createTelegramHarness();
  reference = await t.submitIdCard(ALICE);
  // The message id Telegram gave the card, as the card store remembered it.
  cardMessageId = Number(await t.harness.store.cardMessages().find({ platform: "telegram", chatId: String(REVIEW_CHAT) }, reference));
  submissionCalls = [...t.api.calls];
  t.api.clear();
});
afterEach(() => t.close());

describe("reviewers in the Telegram review group", () => {
  it("get the card with both document previews and the decision buttons; ID numbers masked", () => {
    const album = submissionCalls.filter((call) => call.method === "sendMediaGroup");
    expect(album).toHaveLength(1);
    expect(album[0]!.payload.chat_id).toBe(String(REVIEW_CHAT));
    expect(JSON.parse(album[0]!.payload.media)).toHaveLength(2);
    const card = submissionCalls
      .filter((call) => call.method === "sendMessage" && call.payload.chat_id === String(REVIEW_CHAT))
      .at(-1)!.payload;
    expect(card.text).toContain("110105********002X");
    expect(card.text).not.toContain("11010519491231002X");
    const buttons: string[] = card.reply_markup.inline_keyboard.flat().map((button: { callback_data: string }) => button.callback_data);
    expect(buttons).toEqual([`rv.ok.${reference}`, `rv.no.${reference}`, `rv.in.${reference}`, `rv.sd.${reference}`]);
  });

  it("someone who is not a reviewer gets a refusal in the button's answer, and nothing changes", async () => {
    await t.press(BYSTANDER, `rv.ok.${reference}`, { chatId: REVIEW_CHAT, messageId: cardMessageId });
    const [answer] = t.api.callsOf("answerCallbackQuery");
    expect(answer?.payload).toMatchObject({ show_alert: true, text: expect.stringContaining("Only reviewers") });
    expect(t.api.callsOf("sendMessage")).toEqual([]);
    expect((await findUserRecord(t.harness.store, "telegram", String(ALICE), "2099-12-31"))!.application!.status).toBe("submitted");
  });

  it("approve: the card is edited in place (buttons gone, decision stamped) and the user is told in their chat", async () => {
    await t.press(REVIEWER, `rv.ok.${reference}`, { chatId: REVIEW_CHAT, messageId: cardMessageId });
    const [edit] = t.api.callsOf("editMessageText");
    expect(edit?.payload).toMatchObject({ chat_id: String(REVIEW_CHAT), message_id: cardMessageId, reply_markup: { inline_keyboard: [] } });
    expect(edit?.payload.text).toMatch(/approved by reviewer:telegram:900 at 2026-11-23/);
    expect(t.lastTo(ALICE).text).toMatch(new RegExp(`${reference}.*approved`, "is"));
    expect(t.api.textsTo(REVIEW_CHAT)).toEqual([]);
  });

  it("reject: reasons toggled in a follow-up keyboard that is edited in place, then a typed note", async () => {
    await t.press(REVIEWER, `rv.no.${reference}`, { chatId: REVIEW_CHAT, messageId: cardMessageId });
    const picker = t.lastTo(REVIEW_CHAT);
    expect(picker.text).toMatch(/tap the reasons/);
    const toggle = picker.buttons.find((data) => data === `rv.no.${reference}.4`)!;
    await t.press(REVIEWER, toggle, { chatId: REVIEW_CHAT, messageId: 555 });
    const toggled = t.api.callsOf("editMessageText").at(-1)!;
    expect(toggled.payload.message_id).toBe(555);
    expect(JSON.stringify(toggled.payload.reply_markup)).toContain("☑");
    await t.press(REVIEWER, `rv.nx.${reference}.4`, { chatId: REVIEW_CHAT, messageId: 555 });
    expect(t.api.callsOf("editMessageText").at(-1)!.payload.text).toMatch(/Type a note/);
    await t.text(REVIEWER, "The photo is too dark", { chatId: REVIEW_CHAT });
    const cardEdit = t.api.callsOf("editMessageText").find((call) => call.payload.message_id === cardMessageId)!;
    expect(cardEdit.payload.text).toMatch(/rejected by reviewer:telegram:900/);
    const toUser = t.lastTo(ALICE);
    expect(toUser.text).toContain("The photo is too dark");
    expect(toUser.buttons).toEqual(["resubmit"]);
  });

  it("a double tap that Telegram answers with “message is not modified” is harmless", async () => {
    await t.press(REVIEWER, `rv.no.${reference}`, { chatId: REVIEW_CHAT, messageId: cardMessageId });
    t.api.failNext("editMessageText", {
      error_code: 400,
      description: "Bad Request: message is not modified: specified new message content and reply markup are exactly the same",
    });
    const sentBefore = t.api.callsOf("sendMessage").length;
    await t.press(REVIEWER, `rv.no.${reference}.0`, { chatId: REVIEW_CHAT, messageId: 555 });
    expect(t.api.callsOf("sendMessage").length).toBe(sentBefore); // not re-posted as a new message
    expect(t.api.callsOf("answerCallbackQuery")).toHaveLength(2);
  });

  it("each reviewer's pending note is their own in the shared group", async () => {
    await t.press(REVIEWER, `rv.nx.${reference}.4`, { chatId: REVIEW_CHAT, messageId: 555 });
    await t.text(SECOND_REVIEWER, "good morning", { chatId: REVIEW_CHAT });
    await t.text(BYSTANDER, "lol", { chatId: REVIEW_CHAT });
    expect((await findUserRecord(t.harness.store, "telegram", String(ALICE), "2099-12-31"))!.application!.status).toBe("submitted");
    await t.text(REVIEWER, "Blurry", { chatId: REVIEW_CHAT });
    expect((await findUserRecord(t.harness.store, "telegram", String(ALICE), "2099-12-31"))!.application!.status).toBe("rejected");
    expect(t.lastTo(ALICE).text).toContain("Blurry");
  });

  it("ignores other groups, channel posts, edited messages, unknown updates and review-room chatter", async () => {
    await t.text(ALICE, "hello", { chatId: -999 });
    await t.text(BYSTANDER, "anyone here?", { chatId: REVIEW_CHAT });
    await t.text(REVIEWER, "good morning", { chatId: REVIEW_CHAT });
    await t.send({ channel_post: { message_id: 1, date: 1, chat: { id: -42, type: "channel", title: "News" }, text: "hi" } } as never);
    await t.send({
      edited_message: {
        message_id: 1,
        date: 1,
        edit_date: 2,
        chat: { id: ALICE, type: "private", first_name: "A" },
        from: { id: ALICE, is_bot: false, first_name: "A" },
        text: "edited",
      },
    } as never);
    await t.send({
      poll: {
        id: "p",
        question: "?",
        options: [],
        total_voter_count: 0,
        is_closed: false,
        is_anonymous: true,
        type: "regular",
        allows_multiple_answers: false,
      },
    } as never);
    await t.press(ALICE, "start", { chatId: -999 });
    expect(t.api.calls.map((call) => call.method)).toEqual(["answerCallbackQuery"]);
    expect(await findUserRecord(t.harness.store, "telegram", String(BYSTANDER), "2099-12-31")).toBeNull();
  });
});

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findUserRecord } from "../../src/applications/user-records.js";
import { DEFAULT_REVIEW_POLICY } from "../../src/domain/review-policy.js";
import { readConfig } from "../../src/runtime/config.js";
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
  it("get a card without personal data: reference, method, dates, waiting time and the buttons, no image", () => {
    expect(submissionCalls.filter((call) => /^send(MediaGroup|Photo|Document)$/.test(call.method))).toEqual([]);
    const card = submissionCalls
      .filter((call) => call.method === "sendMessage" && call.payload.chat_id === String(REVIEW_CHAT))
      .at(-1)!.payload;
    expect(card.text).toContain(reference);
    expect(card.text).toMatch(/ID card/);
    expect(card.text).toMatch(/Waiting 0 h/);
    for (const personal of ["Zhang", "zhang.san", "13812348000", "8000", "110105", "002X"]) expect(card.text).not.toContain(personal);
    const buttons: string[] = card.reply_markup.inline_keyboard.flat().map((button: { callback_data: string }) => button.callback_data);
    expect(buttons).toEqual([`rv.ok.${reference}`, `rv.no.${reference}`, `rv.in.${reference}`, `rv.op.${reference}`, `rv.cl.${reference}`]);
  });

  it("Open sends the reviewer, in their private chat, every detail and the documents as stored (full resolution); audited", async () => {
    await t.press(REVIEWER, `rv.op.${reference}`, { chatId: REVIEW_CHAT, messageId: cardMessageId });
    expect(t.api.textsTo(REVIEW_CHAT)).toEqual([]);
    const [details] = t.api.textsTo(REVIEWER);
    expect(details).toContain("11010519491231002X");
    expect(details).toContain("Zhang San");
    const [album] = t.api.callsOf("sendMediaGroup");
    expect(album!.payload.chat_id).toBe(String(REVIEWER));
    expect(JSON.parse(album!.payload.media).map((item: { type: string }) => item.type)).toEqual(["document", "document"]);
    const application = (await t.harness.store.transaction((tx) => tx.loadApplication(reference)))!;
    const stored = await t.harness.documents.get(application.draft.documents.id_front!.id);
    expect(album!.files!.map((file) => file.filename)).toEqual([`${reference}-idFront.jpg`, `${reference}-idBack.jpg`]);
    expect(album!.files![0]!.bytes.equals(stored)).toBe(true);
    expect(stored.length).toBeGreaterThan((await t.harness.documents.get(application.draft.documents.id_front!.previewId)).length);
    const [answer] = t.api.callsOf("answerCallbackQuery");
    expect(answer!.payload.text).toMatch(/private chat/);
    const opened = (await t.harness.auditOf(reference)).filter((entry) => entry.reason === "opened");
    expect(opened).toEqual([expect.objectContaining({ actor: `reviewer:telegram:${REVIEWER}` })]);
  });

  it("Open by a reviewer who never started the bot: the button's alert says how, nothing reaches the group", async () => {
    const never = { error_code: 403, description: "Forbidden: bot can't initiate conversation with a user" };
    t.api.failNext("sendMediaGroup", never);
    t.api.failNext("sendMessage", never);
    await t.press(REVIEWER, `rv.op.${reference}`, { chatId: REVIEW_CHAT, messageId: cardMessageId });
    const [answer] = t.api.callsOf("answerCallbackQuery");
    expect(answer!.payload).toMatchObject({ show_alert: true, text: expect.stringContaining("@verify_test_bot") });
    expect(t.api.textsTo(REVIEW_CHAT)).toEqual([]);
  });

  it("Open by someone who is not a reviewer is refused and audited; nothing is sent", async () => {
    await t.press(BYSTANDER, `rv.op.${reference}`, { chatId: REVIEW_CHAT, messageId: cardMessageId });
    expect(t.api.callsOf("answerCallbackQuery")[0]!.payload.text).toMatch(/Only reviewers/);
    expect(t.api.callsOf("sendMessage")).toEqual([]);
    expect(t.api.callsOf("sendMediaGroup")).toEqual([]);
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
    expect(edit?.payload.text).toMatch(/Decided: approved, by Test on Mon 23 Nov, 10:00 UTC\+8/);
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
    expect(cardEdit.payload.text).toMatch(/Decided: rejected, by Test on/);
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

  it("/help in the group answers a reviewer with what works there (/queue, notes); a bystander's is ignored; in private a reviewer's help adds /queue", async () => {
    await t.text(BYSTANDER, "/help", { chatId: REVIEW_CHAT });
    await t.text(ALICE, "/start", { chatId: REVIEW_CHAT });
    expect(t.api.textsTo(REVIEW_CHAT)).toEqual([]);
    await t.text(REVIEWER, "/help", { chatId: REVIEW_CHAT });
    const [help] = t.api.textsTo(REVIEW_CHAT);
    expect(help).toContain("Review cards arrive here, and each card's buttons decide its application.");
    expect(help).toContain("/queue — applications waiting for review, oldest first, with “Take next”");
    expect(help).not.toContain("/restart");

    await t.text(REVIEWER, "/help");
    expect(t.api.textsTo(REVIEWER).join("\n")).toContain("/privacy — your data");
    expect(t.api.textsTo(REVIEWER).join("\n")).toContain("For reviewers: /queue — applications waiting for review");
    await t.text(ALICE, "/help");
    expect(t.api.textsTo(ALICE).join("\n")).toContain("/privacy — your data");
    expect(t.api.textsTo(ALICE).join("\n")).not.toContain("/queue");
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

describe("REVIEW_ROOM_DETAILS=room: a room of reviewers only", () => {
  it("keeps the details (ID numbers masked) and document previews on the card, and Show details in the room", async () => {
    const room = await createTelegramHarness(undefined, { roomDetails: "room" });
    try {
      const submitted = await room.submitIdCard(ALICE);
      const album = room.api.callsOf("sendMediaGroup");
      expect(album).toHaveLength(1);
      expect(album[0]!.payload.chat_id).toBe(String(REVIEW_CHAT));
      expect(JSON.parse(album[0]!.payload.media).map((item: { type: string }) => item.type)).toEqual(["photo", "photo"]);
      const card = room.lastTo(REVIEW_CHAT);
      expect(card.text).toContain("110105********002X");
      expect(card.text).not.toContain("11010519491231002X");
      expect(card.buttons).toEqual([
        `rv.ok.${submitted}`,
        `rv.no.${submitted}`,
        `rv.in.${submitted}`,
        `rv.sd.${submitted}`,
        `rv.cl.${submitted}`,
      ]);
    } finally {
      await room.close();
    }
  });
});

describe("with the product's default, approving needs the application opened (issue 27 §1)", () => {
  it("Approve before Open is refused to that reviewer alone, audited; once opened privately, it approves", async () => {
    const strict = await createTelegramHarness(undefined, { review: DEFAULT_REVIEW_POLICY });
    try {
      const submitted = await strict.submitIdCard(ALICE);
      const card = Number(await strict.harness.store.cardMessages().find({ platform: "telegram", chatId: String(REVIEW_CHAT) }, submitted));
      strict.api.clear();
      await strict.press(REVIEWER, `rv.ok.${submitted}`, { chatId: REVIEW_CHAT, messageId: card });
      expect(strict.api.callsOf("answerCallbackQuery")[0]!.payload).toMatchObject({
        show_alert: true,
        text: expect.stringContaining("Open it first"),
      });
      expect(strict.api.textsTo(REVIEW_CHAT)).toEqual([]);
      expect((await strict.harness.auditOf(submitted)).map((entry) => entry.reason)).toContain("refused:not_opened");
      await strict.press(REVIEWER, `rv.op.${submitted}`, { chatId: REVIEW_CHAT, messageId: card });
      await strict.press(REVIEWER, `rv.ok.${submitted}`, { chatId: REVIEW_CHAT, messageId: card });
      expect((await findUserRecord(strict.harness.store, "telegram", String(ALICE), "2099-12-31"))!.application!.status).toBe("approved");
    } finally {
      await strict.close();
    }
  });
});

describe("languages in the review room (issue 27 §4)", () => {
  it("the room's card is posted once, in REVIEW_LOCALE; each reviewer's private view is in their own language", async () => {
    const zh = await createTelegramHarness(undefined, { defaultLocale: "zh-CN" });
    try {
      const submitted = await zh.submitIdCard(ALICE);
      const cards = zh.api.textsTo(REVIEW_CHAT);
      expect(cards).toHaveLength(1);
      expect(cards[0]).toContain(`📋 申请 ${submitted}`);
      const card = Number(await zh.harness.store.cardMessages().find({ platform: "telegram", chatId: String(REVIEW_CHAT) }, submitted));
      zh.api.clear();
      await zh.press(REVIEWER, `rv.op.${submitted}`, { chatId: REVIEW_CHAT, messageId: card, language: "en" });
      expect(zh.api.textsTo(REVIEWER)[0]).toContain(`Details of ${submitted}`);
      // A reviewer who chose Chinese in their own chat with the bot reads it in Chinese, whatever their app's language.
      await zh.text(SECOND_REVIEWER, "/lang zh-CN", { language: "en" });
      zh.api.clear();
      await zh.press(SECOND_REVIEWER, `rv.op.${submitted}`, { chatId: REVIEW_CHAT, messageId: card, language: "en" });
      expect(zh.api.textsTo(SECOND_REVIEWER)[0]).toContain(`${submitted} 的完整信息`);
      expect(zh.api.textsTo(REVIEW_CHAT)).toEqual([]);
    } finally {
      await zh.close();
    }
    expect(readConfig({ DEFAULT_LOCALE: "en" }).reviewLocale).toBe("en");
    expect(readConfig({ DEFAULT_LOCALE: "en", REVIEW_LOCALE: "zh-CN" }).reviewLocale).toBe("zh-CN");
  });
});

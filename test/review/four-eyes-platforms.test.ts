import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createBothPlatforms } from "../helpers/both-platforms.js";
import type { Harness } from "../helpers/harness.js";
import { REVIEW_CHANNEL, SLACK_REVIEWER, type SlackHarness, until } from "../helpers/slack-harness.js";
import { REVIEW_CHAT, REVIEWER, type TelegramHarness } from "../helpers/telegram-harness.js";

const BOB = 1001; // a Telegram user

/** One engine with both adapters and FOUR_EYES=all: every approval takes two reviewers. */
let engine: Harness;
let s: SlackHarness;
let t: TelegramHarness;
let close: () => Promise<void>;
beforeEach(async () => {
  ({ engine, s, t, close } = await createBothPlatforms({
    review: { fourEyes: "all", claimMinutes: 30, requireOpenBeforeApproval: false },
  }));
});
afterEach(() => close());

const statusOf = async (reference: string) => (await engine.store.transaction((tx) => tx.loadApplication(reference)))?.status;

describe("four eyes across Slack and Telegram", () => {
  it("a Slack reviewer's approval is a first approval on both cards; a Telegram reviewer confirms and the user is told", async () => {
    const reference = await t.submitIdCard(BOB);
    await until(() => s.api.postedTo(REVIEW_CHANNEL).length === 1, "the card in Slack");
    const toBob = t.api.textsTo(BOB).length;

    await s.press(SLACK_REVIEWER, `rv.ok.${reference}`, { channel: REVIEW_CHANNEL });
    await until(
      () => s.api.callsOf("chat.update").some((call) => /First approval by Member UREVIEWER/.test(call.args.text)),
      "the Slack card's first approval",
    );
    // The Telegram group's card is edited too (the two platforms' deliveries finish in either order).
    await until(
      () =>
        t.api
          .callsOf("editMessageText")
          .some(
            (call) => String(call.payload.chat_id) === String(REVIEW_CHAT) && /First approval by Member UREVIEWER/.test(call.payload.text),
          ),
      "the Telegram card's first approval",
    );
    expect(await statusOf(reference)).toBe("submitted");
    expect(t.api.textsTo(BOB)).toHaveLength(toBob); // Bob hears nothing yet

    // The Slack reviewer can't confirm their own first approval.
    await s.press(SLACK_REVIEWER, `rv.ok.${reference}`, { channel: REVIEW_CHANNEL });
    await until(() => s.api.calls.some((call) => /different reviewer must confirm/.test(call.args.text ?? "")), "the refusal in Slack");
    expect(await statusOf(reference)).toBe("submitted");

    await t.press(REVIEWER, `rv.ok.${reference}`, { chatId: REVIEW_CHAT, messageId: 555 });
    expect(await statusOf(reference)).toBe("approved");
    await until(() => /approved/i.test(t.lastTo(BOB).text), "the decision on Telegram");
  });

  it("a reviewer is recognised as the applicant behind another account (same ID number and phone) and can't confirm", async () => {
    await t.submitIdCard(REVIEWER); // the reviewer applied under their own account…
    const reference = await t.submitIdCard(BOB); // …and again as "Bob", with the same ID number and phone
    await s.press(SLACK_REVIEWER, `rv.ok.${reference}`, { channel: REVIEW_CHANNEL });
    await until(() => s.api.callsOf("chat.update").length > 0, "the first approval");
    await t.press(REVIEWER, `rv.ok.${reference}`, { chatId: REVIEW_CHAT, messageId: 555 });
    const refusal = t.api.calls.find((call) => /can't decide your own application/.test(String(call.payload.text ?? "")));
    expect(refusal).toBeDefined();
    expect(await statusOf(reference)).toBe("submitted");
  });
});

describe("the queue on Telegram and Slack", () => {
  it("/queue in the Telegram review group and /verify queue in Slack list what waits, with Take next", async () => {
    const reference = await t.submitIdCard(BOB);
    await t.text(REVIEWER, "/queue", { chatId: REVIEW_CHAT });
    const listed = t.lastTo(REVIEW_CHAT);
    expect(listed.text).toMatch(new RegExp(`Waiting for review: 1[\\s\\S]*${reference}`));
    expect(listed.buttons).toEqual(["rv.tn"]);

    await s.command(SLACK_REVIEWER, "queue");
    // A slash command's answer goes to the reviewer's DM (posted to their member id).
    await until(() => s.api.postedTo(SLACK_REVIEWER).some((message) => message.text.includes(reference)), "the queue in Slack");
    await s.press(SLACK_REVIEWER, "rv.tn");
    await until(
      () => s.api.calls.some((call) => new RegExp(`You took ${reference}`).test(String(call.args.text ?? ""))),
      "Take next in Slack",
    );
    expect((await engine.store.transaction((tx) => tx.loadApplication(reference)))?.claim?.by).toBe("reviewer:slack:UREVIEWER");
  });
});

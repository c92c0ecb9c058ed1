import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findUserRecord } from "../../src/applications/user-records.js";
import { createBothPlatforms } from "../helpers/both-platforms.js";
import { buttonValues } from "../helpers/fake-slack-api.js";
import type { Harness } from "../helpers/harness.js";
import { REVIEW_CHANNEL, SLACK_REVIEWER, type SlackHarness, until } from "../helpers/slack-harness.js";
import { REVIEW_CHAT, REVIEWER, type TelegramHarness } from "../helpers/telegram-harness.js";

const ALICE = "UALICE";
const BOB = 1001; // on Telegram

/** One engine with both adapters, as `npm start` runs them with both tokens set. */
let engine: Harness;
let s: SlackHarness;
let t: TelegramHarness;
let close: () => Promise<void>;
beforeEach(async () => {
  ({ engine, s, t, close } = await createBothPlatforms());
});
afterEach(() => close());

/** Does what Alice does, then waits until her DM shows the reply that follows it. */
const actAndWait = (action: () => Promise<unknown>, reply: RegExp) => s.actAndWait(ALICE, action, reply);

async function slackUserSubmits(): Promise<string> {
  const steps: Array<[() => Promise<unknown>, RegExp]> = [
    [() => s.dm(ALICE, "hi"), /What would you like/],
    [() => s.press(ALICE, "start"), /full name/],
    [() => s.dm(ALICE, "Zhang San"), /email/],
    [() => s.dm(ALICE, "zhang.san@example.com"), /mobile phone/],
    [() => s.dm(ALICE, "13812348000"), /verification method/],
    [() => s.press(ALICE, "method.phone"), /code/],
  ];
  for (const [action, reply] of steps) {
    await actAndWait(action, reply);
  }
  for (const [action, reply] of [
    [() => s.dm(ALICE, engine.lastCode()), /Please check your application/],
    [() => s.press(ALICE, "submit"), /agree/],
    [() => s.press(ALICE, "consent.agree"), /Submitted!/],
  ] as Array<[() => Promise<unknown>, RegExp]>) {
    await actAndWait(action, reply);
  }
  const reference = (await findUserRecord(engine.store, "slack", ALICE, "2099-12-31"))!.application!.reference;
  // Posted is not yet remembered: the card's ts is stored after Slack answers the post.
  for (let tries = 0; !(await cardTsOf(reference)); tries++) {
    if (tries > 500) throw new Error("the Slack card was never remembered");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return reference;
}

const cardTsOf = (reference: string) => engine.store.cardMessages().find({ platform: "slack", chatId: REVIEW_CHANNEL }, reference);

describe("reviewers in the Slack review channel", () => {
  it("Reject opens a modal; an empty submission is answered inside the modal; a valid one updates the card and tells the user", async () => {
    const reference = await slackUserSubmits();
    const cardTs = (await cardTsOf(reference))!;
    await s.press(SLACK_REVIEWER, `rv.no.${reference}`, { channel: REVIEW_CHANNEL, ts: cardTs });
    const [open] = await s.waitForCalls("views.open");
    const view = open!.args.view;
    expect(view).toMatchObject({
      type: "modal",
      callback_id: `rv.nf.${reference}`,
      private_metadata: JSON.stringify({ channel: REVIEW_CHANNEL }),
    });
    expect(view.blocks[0].element.type).toBe("checkboxes");
    // The reasons that can be true of a phone application: no photo reasons.
    expect(view.blocks[0].element.options.map((option: { text: { text: string } }) => option.text.text)).toEqual([
      "Details don't match",
      "False information",
      "Not eligible",
    ]);
    expect(s.api.postedTo(REVIEW_CHANNEL)).toHaveLength(1); // no picker message: the modal replaces it

    const empty = await s.submitForm(SLACK_REVIEWER, `rv.nf.${reference}`, []);
    expect(JSON.parse(empty.body)).toEqual({ response_action: "errors", errors: { options: "Select at least one item first." } });
    expect((await findUserRecord(engine.store, "slack", ALICE, "2099-12-31"))!.application!.status).toBe("submitted");

    const valid = await s.submitForm(SLACK_REVIEWER, `rv.nf.${reference}`, [0], "The name is spelled differently");
    expect(valid.status).toBe(200);
    await until(() => s.api.callsOf("chat.update").some((call) => call.args.ts === cardTs), "the card update");
    const update = s.api.callsOf("chat.update").find((call) => call.args.ts === cardTs)!;
    expect(update.args.channel).toBe(REVIEW_CHANNEL);
    expect(update.args.text).toMatch(/Decided: rejected, by Member UREVIEWER on/);
    expect(buttonValues(update.args.blocks)).toEqual([]);
    await until(() => /spelled differently/.test(s.api.postedTo(ALICE).at(-1)?.text ?? ""), "the decision in Alice's DM");
    expect(s.api.postedTo(ALICE).at(-1)!.buttons).toEqual(["resubmit"]);
  });

  it("Request info opens a modal of the items for the method; the user is asked for them", async () => {
    const reference = await slackUserSubmits();
    await s.press(SLACK_REVIEWER, `rv.in.${reference}`, { channel: REVIEW_CHANNEL });
    const [open] = await s.waitForCalls("views.open");
    expect(open!.args.view.callback_id).toBe(`rv.if.${reference}`);
    await s.submitForm(SLACK_REVIEWER, `rv.if.${reference}`, [0], "Please give your full legal name");
    await until(() => s.api.postedTo(ALICE).at(-1)?.buttons.includes("provideInfo") ?? false, "the request in Alice's DM");
    expect(s.api.postedTo(ALICE).at(-1)!.text).toMatch(/full legal name/);
  });

  it("/verify help, typed by a reviewer in the review channel, continues in their DM, where it also names /verify queue", async () => {
    await s.command(SLACK_REVIEWER, "help", REVIEW_CHANNEL);
    await until(() => s.api.postedTo(SLACK_REVIEWER).some((message) => message.text.includes("/verify help — ")), "the help in the DM");
    const help = s.api.postedTo(SLACK_REVIEWER).find((message) => message.text.includes("/verify help — "))!.text;
    expect(help).toContain("For reviewers: /verify queue — applications waiting for review, oldest first, with “Take next”.");
    expect(s.api.postedTo(REVIEW_CHANNEL)).toEqual([]);
  });

  it("someone who is not a reviewer gets an ephemeral refusal and nothing changes", async () => {
    const reference = await slackUserSubmits();
    await s.press("UINTRUDER", `rv.ok.${reference}`, { channel: REVIEW_CHANNEL });
    const [ephemeral] = await s.waitForCalls("chat.postEphemeral");
    expect(ephemeral!.args).toMatchObject({ channel: REVIEW_CHANNEL, user: "UINTRUDER" });
    expect(ephemeral!.args.text).toMatch(/Only reviewers/);
    expect((await findUserRecord(engine.store, "slack", ALICE, "2099-12-31"))!.application!.status).toBe("submitted");
  });
  it("Open when the app cannot reach the reviewer by DM: an ephemeral note in the channel says so; no details in the channel", async () => {
    const reference = await slackUserSubmits();
    s.api.failNext("conversations.open", "user_disabled");
    await s.press(SLACK_REVIEWER, `rv.op.${reference}`, { channel: REVIEW_CHANNEL });
    const [ephemeral] = await s.waitForCalls("chat.postEphemeral");
    expect(ephemeral!.args).toMatchObject({ channel: REVIEW_CHANNEL, user: SLACK_REVIEWER });
    expect(ephemeral!.args.text).toMatch(/could not be sent to you by direct message/);
    expect(s.api.postedTo(REVIEW_CHANNEL)).toHaveLength(1);
    expect((await engine.auditOf(reference)).map((entry) => entry.reason)).toContain("opened");
  });
});

describe("across platforms", () => {
  it("a Slack reviewer approves a Telegram user's application; the user is told on Telegram and both cards are updated", async () => {
    const reference = await t.submitIdCard(BOB);
    await until(() => s.api.postedTo(REVIEW_CHANNEL).length === 1, "the card in Slack");
    expect(t.lastTo(REVIEW_CHAT).buttons).toContain(`rv.ok.${reference}`); // and in the Telegram group

    await s.press(SLACK_REVIEWER, `rv.ok.${reference}`, { channel: REVIEW_CHANNEL });
    await until(() => /approved/i.test(t.lastTo(BOB).text), "the decision on Telegram");
    expect(t.api.callsOf("editMessageText").some((call) => String(call.payload.chat_id) === String(REVIEW_CHAT))).toBe(true);
    expect(s.api.callsOf("chat.update").some((call) => call.args.channel === REVIEW_CHANNEL)).toBe(true);
  });

  it("a Telegram reviewer rejects a Slack user's application; the user is told in their Slack DM", async () => {
    const reference = await slackUserSubmits();
    await t.press(REVIEWER, `rv.nx.${reference}.1`, { chatId: REVIEW_CHAT, messageId: 555 });
    await t.text(REVIEWER, "The name is misspelled", { chatId: REVIEW_CHAT });
    await until(() => /The name is misspelled/.test(s.api.postedTo(ALICE).at(-1)?.text ?? ""), "the decision in Slack");
  });
});

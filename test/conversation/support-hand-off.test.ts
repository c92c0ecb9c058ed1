import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Reply } from "../../src/chat/reply.js";
import { MAX_SUPPORT_TEXT, withAddedMessage } from "../../src/domain/support-request.js";
import { translate } from "../../src/i18n/message.js";
import { answerSupportRequest } from "../../src/notifications/support-answer.js";
import { readConfig } from "../../src/runtime/config.js";
import { createHarness, type Harness, keys, readable } from "../helpers/harness.js";
import { dispatcherFor, recordingChat } from "../helpers/notification-harness.js";

const choiceIds = (replies: Reply[]) => replies.flatMap((reply) => reply.choices?.map((c) => c.id) ?? []);

describe("Talk to a person", () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await createHarness({ defaultLocale: "en" });
  });
  afterEach(() => harness.close());

  it("asks what the team should know, sends it in one message, and says how and when the answer comes", async () => {
    const ann = harness.chat("ann");
    await ann.text("/start");
    const ask = await ann.press("support");
    expect(keys(ask)).toEqual(["support.ask"]);
    expect(choiceIds(ask)).toEqual(["support.send", "support.cancel"]);

    const sent = await ann.text("  My certificate never arrived by email  ");
    expect(readable(sent)).toMatch(/I've passed your request to our team \(reference [A-Z0-9]{4}-[A-Z0-9]{4}\)\./);
    expect(readable(sent)).toContain("They answer here in this chat, usually within 1 business day.");
    expect(readable(sent)).toContain("support@example.com");
    expect(keys(sent).at(-1)).toBe("menu.prompt");
    const [request] = await harness.store.operator().supportRequests(10);
    expect(request).toMatchObject({ user: "ann", question: "My certificate never arrived by email", answeredAt: null });
  });

  it("sends the request without a message when asked to, and not at all on Don't send — back where the user was", async () => {
    const bo = harness.chat("bo");
    await bo.press("start");
    await bo.text("Bo Li");
    await bo.press("support");
    const cancelled = await bo.press("support.cancel");
    expect(keys(cancelled)).toEqual(["support.notSent", "ask.email"]);
    expect(await harness.store.operator().supportRequests(10)).toEqual([]);

    await bo.press("support");
    const sent = await bo.press("support.send");
    expect(keys(sent)).toEqual(["support.requested", "ask.email"]);
    expect(await harness.store.operator().supportRequests(10)).toMatchObject([{ user: "bo", question: null }]);
  });

  it("a question the FAQ missed goes with the request at once", async () => {
    const cy = harness.chat("cy");
    await cy.text("/start");
    await cy.text("book me a flight to Paris");
    expect(keys(await cy.press("support"))[0]).toBe("support.requested");
    expect(await harness.store.operator().supportRequests(10)).toMatchObject([{ question: "book me a flight to Paris" }]);
  });

  it("the team's answer (support reply) reaches the user's chat and marks the request answered", async () => {
    const di = harness.chat("di");
    await di.text("/start");
    await di.press("support");
    await di.text("Can I verify with a passport?");
    const [request] = await harness.store.operator().supportRequests(10);

    expect(await answerSupportRequest(harness.store, "ZZZZ-ZZZZ", "hello", ["chat"], harness.now())).toEqual({ outcome: "unknown" });
    const result = await answerSupportRequest(
      harness.store,
      request!.reference,
      "Not yet: use your ID card.",
      ["chat", "sms"],
      harness.now(),
    );
    expect(result).toEqual({ outcome: "sent", channels: ["chat"] });

    const chat = recordingChat();
    await dispatcherFor(harness, { chat: chat.send }).runOnce();
    expect(chat.sent.map((reply) => reply.to.chatId)).toEqual(["di"]);
    expect(translate("en", chat.sent[0]!.body[0]!)).toBe(
      `Our team's answer to your request ${request!.reference}:\n\nNot yet: use your ID card.`,
    );
    const [answered] = await harness.store.operator().supportRequests(10);
    expect(answered!.answeredAt).toBe(harness.now().toISOString());
  });

  it("asked again while the request waits: the message is added to it, one reference; once answered, a new request", async () => {
    const fay = harness.chat("fay");
    await fay.text("/start");
    await fay.press("support");
    await fay.text("My photo keeps failing");
    const [first] = await harness.store.operator().supportRequests(10);

    await fay.press("support");
    const added = await fay.text("hello? anyone?");
    expect(keys(added)[0]).toBe("support.added");
    expect(readable(added)).toContain(`I've added this to your request ${first!.reference}, which is already with our team.`);
    expect(readable(added)).toContain("They answer here in this chat, usually within 1 business day.");
    await fay.press("support");
    expect(readable(await fay.press("support.send"))).toContain(`Your request ${first!.reference} is already with our team.`);
    expect(await harness.store.operator().supportRequests(10)).toMatchObject([
      { reference: first!.reference, question: "My photo keeps failing\n\nhello? anyone?", answeredAt: null },
    ]);

    // Where the user stands includes the request waiting for its answer — by /status and by the button.
    for (const asked of [await fay.text("/status"), await fay.press("status")])
      expect(readable(asked)).toContain(
        `Your request ${first!.reference} to our team, sent on Mon 23 Nov, 10:00 UTC+8, is waiting for their answer`,
      );

    await answerSupportRequest(harness.store, first!.reference, "Send it as a file.", ["chat"], harness.now());
    expect(readable(await fay.text("/status"))).not.toContain("to our team");
    await fay.press("support");
    const anew = await fay.text("Thanks, one more thing");
    expect(keys(anew)[0]).toBe("support.requested");
    const requests = await harness.store.operator().supportRequests(10);
    expect(requests).toHaveLength(2);
    expect(requests.find((request) => request.reference !== first!.reference)).toMatchObject({ question: "Thanks, one more thing" });
  });

  it("a request's text keeps the newest words when messages added to it pass its limit", () => {
    const long = "x".repeat(MAX_SUPPORT_TEXT);
    expect(withAddedMessage(null, "hi")).toBe("hi");
    expect(withAddedMessage("first", "second")).toBe("first\n\nsecond");
    const capped = withAddedMessage(long, "the newest");
    expect(capped).toHaveLength(MAX_SUPPORT_TEXT);
    expect(capped.startsWith("…")).toBe(true);
    expect(capped.endsWith("\n\nthe newest")).toBe(true);
  });

  it("promises SUPPORT_ANSWER_DAYS, as configured", async () => {
    const slower = await createHarness({ supportAnswerDays: 3 });
    const ed = slower.chat("ed");
    await ed.text("/start");
    await ed.press("support");
    expect(readable(await ed.press("support.send"))).toContain("They answer here in this chat, usually within 3 business days.");
    await slower.close();
    expect(readConfig({ SUPPORT_ANSWER_DAYS: "3" }).supportAnswerDays).toBe(3);
    expect(readConfig({}).supportAnswerDays).toBe(1);
    expect(() => readConfig({ SUPPORT_ANSWER_DAYS: "0" })).toThrow(/SUPPORT_ANSWER_DAYS/);
  });

  it("in Chinese: the same promise", async () => {
    const zh = harness.chat("mei", "console", "zh-CN");
    await zh.text("/start");
    await zh.press("support");
    const sent = await zh.press("support.send");
    expect(readable(sent)).toContain("客服会在本对话中答复您，通常在 1 个工作日内。");
    await zh.press("support");
    expect(readable(await zh.text("还在吗"))).toContain("已将这条留言补充到您的请求（编号");
    expect(readable(await zh.text("/status"))).toMatch(
      /您于 11月23日（周一）10:00发送的客服请求（编号 [A-Z0-9]{4}-[A-Z0-9]{4}）正在等待答复，答复会发送到本对话。/,
    );
  });
});

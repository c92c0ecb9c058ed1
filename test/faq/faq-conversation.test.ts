import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FAQ_TOPICS } from "../../src/domain/faq-topics.js";
import { consoleReviewers } from "../../src/review/reviewers.js";
import { createHarness, type Harness, keys, readable, submitWithPhone } from "../helpers/harness.js";
import { atPhoneCode } from "../helpers/phone-code.js";
import { reviewStore } from "../helpers/review-store.js";

let harness: Harness;
beforeEach(async () => {
  harness = await createHarness({ reviewers: consoleReviewers(["rita"]) });
});
afterEach(() => harness.close());

describe("FAQ in the conversation", () => {
  it("answers a question typed in the menu, Traditional or not", async () => {
    const chat = harness.chat("alice");
    await chat.text("/start");
    expect(keys(await chat.text("how long does review take"))).toEqual(["faq.review-time", "faq.wasThisHelpful", "menu.prompt"]);
    // Asked in Chinese in an English chat: answered in Chinese, with the way to switch for good.
    const traditional = await chat.text("審核要多久");
    expect(keys(traditional)).toEqual(["faq.review-time", "faq.switchLanguage", "faq.wasThisHelpful", "menu.prompt"]);
    expect(traditional[0]!.locale).toBe("zh-CN");
    expect(readable(traditional)).toContain("提交后 1–3 个工作日内会有审核结果");
    expect(readable(traditional)).toContain("发送 /lang zh 可将全部内容切换为中文");
    expect(traditional.at(-1)!.locale).toBe("en");
    expect(keys(await chat.text("照片有啥要求"))).toEqual([
      "faq.document-requirements",
      "faq.switchLanguage",
      "faq.wasThisHelpful",
      "menu.prompt",
    ]);
  });

  it("two topics too close to call: asks which was meant, with both as buttons", async () => {
    const chat = harness.chat("alice");
    await chat.text("/start");
    const replies = await chat.text("没收到邮件 也不记得注册邮箱");
    expect(keys(replies)[0]).toBe("faq.didYouMean");
    expect(replies[0]!.choices?.map((c) => c.id)).toEqual(["faq.notification-missing", "faq.forgot-email"]);
    expect(keys(await chat.press("faq.forgot-email"))).toContain("faq.forgot-email");
  });

  it("answers a question typed mid-flow, then repeats the pending question; the answers so far are kept", async () => {
    const chat = harness.chat("alice");
    await chat.press("start");
    await chat.text("张三");
    expect(keys(await chat.text("why does verification fail"))).toEqual(["faq.failure-reasons", "faq.wasThisHelpful", "ask.email"]);
    expect(keys(await chat.text("how long does the review take?"))).toEqual(["faq.review-time", "faq.wasThisHelpful", "ask.email"]);
    expect(keys(await chat.text("zhang@example.com"))).toEqual(["ask.phone"]);
    expect(readable(await chat.text("/status"))).toContain("2 of 4 items done");
  });

  it("what is kept about them, asked while a code is awaited, is answered, not taken for a wrong code", async () => {
    await atPhoneCode(harness, "alice", "13812348000");
    for (const question of ["what data do you keep about me", "你们保存了我哪些信息"]) {
      const answer = keys(await harness.chat("alice").text(question));
      expect(answer, question).toContain("privacy.about");
      expect(answer, question).not.toContain("otp.format");
    }
  });

  it("where only buttons are expected (the summary), any question it recognises is answered, then the buttons again", async () => {
    await atPhoneCode(harness, "alice", "13812348000");
    const chat = harness.chat("alice");
    expect(keys(await chat.text(harness.lastCode()))).toContain("summary.title");
    const answer = await chat.text("can I still change my application?");
    expect(keys(answer)[0]).toBe("faq.modifyDraft");
    expect(readable(answer)).toContain("choose “Change something” on the summary");
    expect(keys(answer)).toContain("summary.title");
    expect(keys(await chat.text("asdf qwerty"))[0]).toBe("input.useButtons"); // nothing recognised: the buttons
  });

  it("'can I cancel?' after submitting is understood, in both languages, and offers the withdrawal", async () => {
    await submitWithPhone(harness, "alice");
    for (const question of ["can I cancel", "取消申请"]) {
      const answer = await harness.chat("alice").text(question);
      expect(keys(answer)[0], question).toBe("situation.submitted");
      expect(
        answer.flatMap((reply) => reply.choices?.map((choice) => choice.id) ?? []),
        question,
      ).toContain("withdraw");
    }
  });

  it("'delete my data' while in review: where it stands, Withdraw first, and no Delete button that would be refused", async () => {
    await submitWithPhone(harness, "alice");
    const answer = await harness.chat("alice").text("怎么删除我的数据");
    expect(keys(answer)[0]).toBe("situation.submitted");
    const buttons = answer.flatMap((reply) => reply.choices?.map((choice) => choice.id) ?? []);
    expect(buttons).toEqual(expect.arrayContaining(["withdraw", "privacy.export"]));
    expect(buttons).not.toContain("privacy.erase");
  });

  it("takes a clear question for a question even where it would pass as an answer (the name step)", async () => {
    const chat = harness.chat("alice");
    await chat.press("start");
    expect(keys(await chat.text("what documents do i need to prepare"))).toEqual([
      "faq.required-documents",
      "faq.wasThisHelpful",
      "ask.name",
    ]);
    expect(keys(await chat.text("Zhang San"))).toEqual(["ask.email"]);
  });

  it("says so honestly when it can't match, shows the topics and records a request for a person", async () => {
    const chat = harness.chat("alice");
    await chat.text("/start");
    const unmatched = await chat.text("我家猫不吃饭怎么办");
    expect(keys(unmatched)[0]).toMatch(/^faq\.noMatch/);
    // At most the 5 most likely topics, then All topics and Talk to a person (one label, as in the menu).
    const ids = unmatched[0]?.choices?.map((c) => c.id) ?? [];
    expect(ids.length).toBeLessThanOrEqual(7);
    expect(ids.slice(0, -2).every((id) => id.startsWith("faq."))).toBe(true);
    expect(ids.slice(-2)).toEqual(["faq", "support"]);
    expect(readable(unmatched)).toContain("[All topics] [Talk to a person]");
    expect(keys(await chat.press("faq"))).toEqual(["faq.pick"]);
    const requested = await chat.press("support");
    expect(keys(requested)).toEqual(["support.requested", "menu.prompt"]);
    const requests = await reviewStore(harness.store).supportRequests(10);
    expect(requests).toEqual([
      {
        reference: expect.stringMatching(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/),
        platform: "console",
        user: "alice",
        question: "我家猫不吃饭怎么办",
        createdAt: "2026-11-23T02:00:00.000Z",
        answeredAt: null,
      },
    ]);
    expect(readable(requested)).toContain(requests[0]!.reference);
  });

  it("can be browsed with buttons", async () => {
    const chat = harness.chat("alice");
    await chat.text("/start");
    const topics = await chat.press("faq");
    expect(topics[0]?.choices?.map((c) => c.id)).toContain("faq.review-time");
    // The rest follow "More topics": a platform shows at most 25 buttons in one message.
    expect(topics[0]?.choices?.at(-1)?.id).toBe("topics.more");
    const more = await chat.press("topics.more");
    expect(more[0]?.choices?.map((c) => c.id)).toContain("faq.official-channels");
    expect(keys(await chat.press("faq.privacy"))).toEqual(["privacy.about", "faq.wasThisHelpful", "menu.prompt"]);
    const all = [...(topics[0]?.choices ?? []), ...(more[0]?.choices ?? [])].filter((c) => c.id.startsWith("faq."));
    expect(all).toHaveLength(FAQ_TOPICS.length);
  });

  it("answers with the user's own record: their rejection reasons, their expected date, whether they may resubmit", async () => {
    const reference = await submitWithPhone(harness, "alice");
    const chat = harness.chat("alice");
    expect(readable(await chat.text("how many days does review take"))).toContain(
      `Your application ${reference} is with the reviewers; the decision is expected by Thu 26 Nov.`,
    );
    await harness.chat("rita").press(`rv.nx.${reference}.${1 << 0}`); // details_mismatch
    await harness.chat("rita").press("rv.nn");
    const why = await chat.text("why wasn't I approved");
    expect(readable(why)).toContain(`Your application ${reference} was not approved because:`);
    expect(readable(why)).toContain("The name you entered doesn't match the records of this phone number.");
    expect(why[0]?.choices?.map((c) => c.id)).toEqual(["resubmit", "helpful.failure-reasons.yes", "helpful.failure-reasons.no"]);
    expect(readable(await chat.text("can i apply again"))).toContain(`Yes — you can resubmit ${reference}`);
    // There is no cap on attempts (the seeds: one failure never takes the right to apply again): "how many times" hears so.
    expect(readable(await chat.text("how many times can I resubmit"))).toContain("as many times as needed (there is no limit)");
    expect(readable(await chat.text("can i apply again"))).not.toContain("Attempts left");
    const missing = await chat.text("I never got any email about it");
    // This deployment sends results in the chat only: no address is named (test/conversation/situation.test.ts has the others).
    expect(readable(missing)).toContain("Results and notices come here, in this chat");
    expect(readable(missing)).not.toContain("We send your results to");
    expect(readable(missing)).toMatch(/• this chat: (delivered|waiting to be sent|being sent \((1 attempt|[2-9] attempts) so far\))\n/);
  });
});

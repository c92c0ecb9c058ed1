import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { useTaughtPhrasings } from "../../src/faq/faq-matcher.js";
import { groupSimilarQuestions } from "../../src/faq/group-questions.js";
import { createHarness, type Harness, keys } from "../helpers/harness.js";

/**
 * What the FAQ missed is kept for operators — sealed, without the user — with the topic the user
 * then picked; 👍 / 👎 are counted; a phrasing an operator teaches is answered.
 */
let harness: Harness;
beforeEach(async () => {
  harness = await createHarness();
});
afterEach(async () => {
  useTaughtPhrasings([]);
  await harness.close();
});

const misses = () =>
  harness.sqlite.prepare("select * from faq_misses order by created_at, rowid").all() as Array<{
    id: string;
    question: string;
    outcome: string;
    topic: string | null;
  }>;

async function inMenu(user = "alice") {
  const chat = harness.chat(user);
  await chat.text("/start");
  return chat;
}

describe("learning from what the FAQ missed", () => {
  it("a question with no topic is kept sealed, without the user, and the topic picked next is noted with it", async () => {
    const chat = await inMenu();
    expect(keys(await chat.text("tell me a joke about my cat"))[0]).toMatch(/^faq\.noMatch/);
    const [kept] = misses();
    expect(kept).toMatchObject({ outcome: "no_topic", topic: null });
    expect(kept!.question).toMatch(/^enc2:/);
    expect(await harness.openSealed(kept!.question, { table: "faq_misses", column: "question", row: kept!.id })).toBe(
      "tell me a joke about my cat",
    );
    expect(Object.keys(kept!)).not.toContain("user_id");
    await chat.press("faq");
    await chat.press("faq.benefits");
    expect(misses()[0]).toMatchObject({ topic: "benefits" });
    // Only the first pick after the miss counts.
    await chat.press("faq.privacy");
    expect(misses()[0]).toMatchObject({ topic: "benefits" });
  });

  it('"Did you mean": kept with the topic the user picks', async () => {
    const chat = await inMenu();
    expect(keys(await chat.text("没收到邮件 也不记得注册邮箱"))[0]).toBe("faq.didYouMean");
    expect(misses()).toMatchObject([{ outcome: "did_you_mean", topic: null }]);
    expect(keys(await chat.press("faq.forgot-email"))[0]).toBe("faq.forgot-email");
    expect(misses()).toMatchObject([{ outcome: "did_you_mean", topic: "forgot-email" }]);
  });

  it("👎 keeps the question with the topic it got and offers the ways on; 👍 and 👎 are counted by topic", async () => {
    const chat = await inMenu();
    const answer = await chat.text("how long does review take");
    expect(answer[0]!.choices?.map((choice) => choice.id)).toEqual(["helpful.review-time.yes", "helpful.review-time.no"]);
    expect(keys(await chat.press("helpful.review-time.yes"))[0]).toBe("faq.feedbackThanks");
    expect(misses()).toEqual([]);
    const sorry = await chat.press("helpful.review-time.no");
    expect(keys(sorry)[0]).toBe("faq.feedbackSorry");
    expect(sorry[0]!.choices?.map((choice) => choice.id)).toEqual(["faq", "support"]);
    expect(misses()).toMatchObject([{ outcome: "unhelpful", topic: "review-time" }]);
    const [miss] = misses();
    expect(await harness.openSealed(miss!.question, { table: "faq_misses", column: "question", row: miss!.id })).toBe(
      "how long does review take",
    );
    const scraped = (await harness.prometheus.scrape()).body;
    expect(scraped).toContain('verification_faq_feedback_total{topic="review-time",helpful="yes"} 1');
    expect(scraped).toContain('verification_faq_feedback_total{topic="review-time",helpful="no"} 1');
    // A forged topic is refused and not counted.
    expect(keys(await chat.press("helpful.no-such-topic.no" as never))[0]).toBe("input.staleChoice");
  });

  it("a taught phrasing is answered once the instance has read it (every minute, without a restart)", async () => {
    const chat = await inMenu();
    expect(keys(await chat.text("tell me a joke about my cat"))[0]).toMatch(/^faq\.noMatch/);
    const learning = harness.store.faqLearning();
    const id = await learning.teachPhrasing("tell me a joke about my cat", "contact-support", new Date());
    useTaughtPhrasings(await learning.taughtPhrasings());
    expect(keys(await chat.text("tell me a joke about my cat"))[0]).toBe("faq.contact-support");
    expect(await learning.forgetPhrasing(id)).toBe(true);
    expect(await learning.forgetPhrasing(id)).toBe(false);
    useTaughtPhrasings(await learning.taughtPhrasings());
    expect(keys(await chat.text("tell me a joke about my cat"))[0]).toMatch(/^faq\.noMatch/);
  });
});

describe("groupSimilarQuestions", () => {
  it("counts a question asked again in other words (or the other language) once, most frequent first", () => {
    const groups = groupSimilarQuestions(
      [
        "how do I delete my data",
        "can I verify with a passport",
        "can i verify with my passport?",
        "护照可以认证吗",
        "can I verify using a passport",
      ],
      (question) => question,
    );
    expect(groups.map((group) => group.items.length)).toEqual([4, 1]);
    expect(groups[0]!.question).toBe("can I verify with a passport");
  });
});

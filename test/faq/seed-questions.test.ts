import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FaqTopic } from "../../src/domain/faq-topics.js";
import { createHarness, type Harness, keys } from "../helpers/harness.js";

/**
 * Every FAQ question of the two seed articles (../shared/seeds/), word for word, and an English
 * translation of each, typed in the menu of a chat in that language: each gets its topic's answer
 * outright (not "not understood", not "Did you mean").
 */
const SEED_QUESTIONS: Array<{ seed: string; english: string; topic: FaqTopic }> = [
  // 000_14bc4b74c40dc6ce.txt, 四、常见问题解答
  { seed: "B特派认证失败的解决办法是什么?", english: "What is the solution if my B特派 verification fails?", topic: "failure-reasons" },
  { seed: "认证可以重复申请吗?", english: "Can I apply for verification again?", topic: "resubmit" },
  {
    seed: "认证后还需要维护个人信息吗?",
    english: "Do I still need to maintain my personal information after verification?",
    topic: "update-info",
  },
  {
    seed: "短信/邮件通知未收到怎么办?",
    english: "What should I do if I did not receive the SMS or email notification?",
    topic: "notification-missing",
  },
  {
    seed: "B特派认证对普通用户的好处是什么?",
    english: "What are the benefits of B特派 verification for ordinary users?",
    topic: "benefits",
  },
  // 001_df23d49dc2d67b4c.txt, Q1–Q6
  { seed: "如何知道我的认证申请状态?", english: "How do I know the status of my verification application?", topic: "check-status" },
  {
    seed: "身份证明文件格式有什么要求?",
    english: "What are the format requirements for identity documents?",
    topic: "document-requirements",
  },
  { seed: "我忘记了注册时用的邮箱,怎么办?", english: "I forgot the email I used to register, what should I do?", topic: "forgot-email" },
  { seed: "认证申请提交后多久能通过?", english: "How long after submitting will my application be approved?", topic: "review-time" },
  {
    seed: "我可以修改已提交的认证申请吗?",
    english: "Can I modify a verification application I have already submitted?",
    topic: "modify-application",
  },
  { seed: "为什么我的认证申请被拒绝了?", english: "Why was my verification application rejected?", topic: "failure-reasons" },
];

let harness: Harness;
beforeAll(async () => {
  // The seeds' deployment: results by SMS and email (their notification question names both).
  harness = await createHarness({ notifyChannels: ["chat", "email", "sms"] });
});
afterAll(() => harness.close());

let users = 0;
async function askedInMenu(question: string, locale: "zh-CN" | "en"): Promise<string[]> {
  const chat = harness.chat(`seed${++users}`, "console", locale);
  await chat.text("/start");
  return keys(await chat.text(question));
}

describe("the seed articles' own FAQ questions", () => {
  it.each(SEED_QUESTIONS)("$seed → $topic", async ({ seed, topic }) => {
    expect(await askedInMenu(seed, "zh-CN")).toEqual([`faq.${topic}`, "faq.wasThisHelpful", "menu.prompt"]);
  });

  it.each(SEED_QUESTIONS)("$english → $topic", async ({ english, topic }) => {
    expect(await askedInMenu(english, "en")).toEqual([`faq.${topic}`, "faq.wasThisHelpful", "menu.prompt"]);
  });
});

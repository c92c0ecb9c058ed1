import { afterEach, describe, expect, it } from "vitest";
import { asksWhyThisStep, isNonAnswer, saysCodeNotReceived, saysNoContact } from "../../src/domain/non-answer.js";
import { createHarness, type Harness, keys, readable } from "../helpers/harness.js";

let harness: Harness;
afterEach(() => harness?.close());

describe("a question or a refusal where an answer is expected", () => {
  it("is never stored: the step explains what to type and why, asking once; a real name then goes on", async () => {
    harness = await createHarness();
    const chat = harness.chat("alice");
    await chat.press("start");
    for (const reply of ["I don't know", "idk", "what should I write here", "why do you need my name", "我不知道选哪个", "写什么？"]) {
      const answer = await chat.text(reply);
      expect(keys(answer), reply).not.toContain("ask.email");
      // The step's question once: restated with its why, or asked under another answer, not both in a row.
      expect(
        keys(answer).filter((key) => key === "ask.name" || key === "why.name"),
        reply,
      ).toHaveLength(1);
      expect(readable(answer), reply).not.toContain(reply);
    }
    expect(readable(await chat.text("I don't know"))).toContain("Reviewers compare it with the document");
    expect(keys(await chat.text("Mary-Jane O'Neil"))).toContain("ask.email");
    expect(readable(await chat.text("/status"))).toContain("1 of 4 items done");
  });

  it("a valid email or number stands, whatever words it holds; an invalid one that is a question gets the explanation", async () => {
    harness = await createHarness();
    const chat = harness.chat("bob");
    await chat.press("start");
    await chat.text("Bob Lee");
    // The step's own why, not the FAQ about missing notifications; in this chat-only deployment, nothing is emailed.
    const why = await chat.text("why should I give my email?");
    // The why restates the question with an example: the prompt is not sent again under it.
    // Asked by someone wary of giving it: what happens to it, as the consent will say.
    expect(keys(why)).toEqual(["why.email", "why.kept"]);
    expect(why).toHaveLength(1);
    expect(readable(why)).toContain("It is stored encrypted, shown only to the reviewer who opens your application, and erased 90 days");
    expect(readable(why)).toContain(
      "Please type your email address (for example: name@example.com). It is part of your verification details",
    );
    expect(keys(await chat.text("why@example.com"))).toContain("ask.phone");
    expect(readable(await chat.text("为什么要手机号"))).toContain(
      "It is part of your verification details: use a real number of your own.",
    );
  });

  it("refusing a contact step, or asking whether it is required, gets that step's why, never a FAQ topic sharing its words", async () => {
    harness = await createHarness();
    const chat = harness.chat("bob");
    await chat.press("start");
    expect(keys(await chat.text("I don't want to give my name"))).toEqual(["why.name", "why.kept"]);
    await chat.text("Bob Lee");
    for (const refusal of ["I don't want to give my email", "do I have to give my email?", "必须填邮箱吗", "我不想填邮箱"])
      expect(keys(await chat.text(refusal)), refusal).toEqual(["why.email", "why.kept"]);
    await chat.text("bob@example.com");
    for (const refusal of ["I'd rather not give my phone number", "is a phone number required?", "我不想给手机号", "可以不填手机号吗"])
      expect(keys(await chat.text(refusal)), refusal).toEqual(["why.phone", "why.kept"]);
    expect(await harness.rows("select count(*) as n from applications")).toEqual([{ n: 1 }]); // the draft, with nothing refused in it
    // About the SMS, not a refusal of the number: not the step's why.
    expect(keys(await chat.text("my phone won't get the SMS"))).not.toContain("why.phone");
    for (const none of ["I don't have a phone", "我没有手机"])
      expect(keys(await chat.text(none)), none).toEqual(["phone.none", "ask.phone"]);
    expect(keys(await chat.text("13812348001"))).toContain("ask.method");
  });

  it("at the ID number, a question is not read as a wrong number", async () => {
    harness = await createHarness({ defaultLocale: "zh-CN" });
    const chat = harness.chat("li");
    await chat.press("start");
    await chat.text("李娜");
    await chat.text("li.na@example.com");
    await chat.text("13912345678");
    await chat.press("method.id_card");
    const answer = readable(await chat.text("为什么需要我的身份证号？"));
    expect(answer).not.toContain("您输入了");
    expect(answer).toContain("审核人员会将您输入的身份证号码（证件人像面下方的 18 位号码）与证件照片核对");
    // Where to find it is the step's own question: what to type, and where it is printed.
    expect(readable(await chat.text("身份证号在哪里看"))).toContain("请输入居民身份证人像面下方的 18 位号码");
    expect(answer).toContain("请输入您的 18 位居民身份证号码");
  });
});

describe("isNonAnswer", () => {
  it("passes names and company names, in both languages", () => {
    for (const name of ["张三", "欧阳娜娜", "阿依古丽·买买提", "Mary-Jane O'Neil", "Wang Xiaoming", "示例科技有限公司", "Whatman Labs Ltd"])
      expect(isNonAnswer(name), name).toBe(false);
  });
  it("catches questions and refusals", () => {
    for (const text of [
      "?",
      "what is this",
      "Why?",
      "I dunno",
      "not sure",
      "不知道",
      "为啥要填这个",
      "填这个干嘛",
      "可以跳过吗",
      "这是什么",
      "I don't want to",
      "不想填",
    ])
      expect(isNonAnswer(text), text).toBe(true);
  });
});

describe("saysNoContact", () => {
  it("catches 'I have no email' in both languages, and nothing that is an address or another answer", () => {
    for (const text of [
      "I have no email",
      "i dont have an email address",
      "I don't have any e-mail",
      "no email",
      "我没有邮箱",
      "没有电子邮箱",
      "无邮箱",
    ])
      expect(saysNoContact(text, "email"), text).toBe(true);
    for (const text of ["noemail@example.com", "no.email@example", "zhang@example.com", "what email", "I never got any email", "不知道"])
      expect(saysNoContact(text, "email"), text).toBe(false);
  });
  it("catches 'I have no phone' in both languages, and nothing that is a number or another answer", () => {
    for (const text of ["I don't have a phone", "i have no mobile phone", "no cell phone", "我没有手机", "没有手机号", "无电话"])
      expect(saysNoContact(text, "phone"), text).toBe(true);
    for (const text of ["13812348000", "+44 7700 900123", "what phone", "I never got the SMS", "手机号是13812348000", "不知道"])
      expect(saysNoContact(text, "phone"), text).toBe(false);
  });
});

describe("asksWhyThisStep", () => {
  it("catches a why about the step's own subject, and not a why about something else", () => {
    expect(asksWhyThisStep("why should I give my email?", "email")).toBe(true);
    expect(asksWhyThisStep("为什么要填邮箱", "email")).toBe(true);
    expect(asksWhyThisStep("手机号有什么用", "phone")).toBe(true);
    expect(asksWhyThisStep("why do you need my name", "name")).toBe(true);
    expect(asksWhyThisStep("why was I rejected", "email")).toBe(false);
    expect(asksWhyThisStep("why should I give my email?", "phone")).toBe(false);
    expect(asksWhyThisStep("my email is bob@example.com", "email")).toBe(false);
  });
});

describe("'I didn't get the code' where a one-time code is awaited", () => {
  it("is a question of delivery, not a wrong code: where it went and the two ways on", async () => {
    harness = await createHarness();
    const chat = harness.chat("ann");
    await chat.press("start");
    await chat.text("Ann Lee");
    await chat.text("ann@example.com");
    await chat.text("13812348000");
    await chat.press("method.phone");
    const asked = await chat.text("I didn't get the code");
    expect(keys(asked)[0]).toBe("otp.notReceived");
    expect(readable(asked)).toContain(
      "Check that +86 138 1234 8000 is your number; if nothing comes, press “Send a new code” (possible again in 60 s) or “Change phone number”.",
    );
    expect(readable(asked)).not.toContain("The code has 6 digits");
    // Not counted as a wrong try: the right code still goes through.
    expect(keys(await chat.text(harness.lastCode()))).toContain("otp.verified");
  });

  it("catches it in both languages, and nothing that is a code or another question", () => {
    for (const text of [
      "I didn't get the code",
      "no code",
      "I haven't received any SMS",
      "the code never came",
      "验证码没收到",
      "收不到验证码",
      "短信还没来",
    ])
      expect(saysCodeNotReceived(text), text).toBe(true);
    for (const text of ["123456", "what code?", "I got the code", "send it again"]) expect(saysCodeNotReceived(text), text).toBe(false);
  });
});

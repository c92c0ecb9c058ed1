import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Reply } from "../../src/chat/reply.js";
import { smallTalkOf } from "../../src/domain/small-talk.js";
import { createHarness, type Harness, keys, readable, registerForIdCard } from "../helpers/harness.js";
import { minimalGoodJpeg } from "../helpers/hostile-files.js";

// Issue 24 §3: no reply leaves the user without a way on.

let harness: Harness;
beforeEach(async () => {
  harness = await createHarness();
});
afterEach(() => harness.close());

const labels = (replies: Reply[]) => replies.flatMap((reply) => reply.choices ?? []).map((choice) => choice.id);

describe("greetings, thanks and goodbyes", () => {
  it.each([
    ["hi", "Hello! 👋"],
    ["Hello!", "Hello! 👋"],
    ["thanks 🙏", "You're welcome!"],
    ["bye", "Goodbye — I'm here whenever you need me."],
  ])("%s → a friendly word and the menu, not 'not sure what you mean'", async (text, answer) => {
    const chat = harness.chat("alice");
    await chat.text("/start");
    const replies = await chat.text(text);
    expect(readable(replies)).toContain(answer);
    expect(keys(replies)).not.toContain("faq.noMatch");
    expect(keys(replies).at(-1)).toBe("menu.prompt");
  });

  it("in Chinese; in the middle of a step the pending question is asked again and nothing is stored", async () => {
    const chat = harness.chat("alice", "console", "zh-CN");
    await chat.text("/start");
    expect(readable(await chat.text("你好"))).toContain("您好！👋");
    expect(readable(await chat.text("谢谢"))).toContain("不客气！");
    await chat.press("start");
    const atName = await chat.text("谢谢！");
    expect(keys(atName)).toEqual(["smallTalk.thanks", "ask.name"]);
    expect(readable(await chat.text("/status"))).not.toContain("谢谢");
  });

  it("only a message that is nothing but small talk counts", () => {
    expect(smallTalkOf("hi there")).toBe("greeting");
    expect(smallTalkOf("您好！！")).toBe("greeting");
    expect(smallTalkOf("謝謝！")).toBe("thanks"); // Traditional, read as Simplified like every phrase compared whole
    expect(smallTalkOf("hi, how long does the review take?")).toBeNull();
    expect(smallTalkOf("thanks but my photo was refused")).toBeNull();
  });
});

describe("text where a photo is expected", () => {
  it("`hello?` at the photo step says what the step waits for — no 'choose an option' without options", async () => {
    const chat = harness.chat("alice");
    await registerForIdCard(chat);
    await chat.text("11010519491231002X");
    const replies = await chat.text("what now");
    expect(keys(replies)).toEqual(["document.waitingForPhoto", "ask.idFront"]);
    expect(keys(await chat.text("hello?"))).toEqual(["smallTalk.greeting", "ask.idFront"]);
  });
});

describe("/cancel names the button the menu shows", () => {
  it("Continue verification once answers are kept; Start verification before any", async () => {
    const chat = harness.chat("alice");
    await chat.press("start");
    const early = await chat.text("/cancel");
    expect(readable(early)).toContain("Choose “Start verification”");
    expect(labels(early)).toContain("start");
    expect(readable(early)).toContain("[Start verification]");

    await chat.press("start");
    await chat.text("Zhang San");
    const later = await chat.text("/cancel");
    expect(readable(later)).toContain("choose “Continue verification”");
    expect(readable(later)).toContain("[Continue verification]");
  });
});

describe("a step already answered, reached again", () => {
  it("offers Keep beside asking for a new answer: the photo after /back, the name from the summary", async () => {
    const chat = harness.chat("alice");
    await registerForIdCard(chat);
    await chat.text("11010519491231002X");
    await chat.file(await minimalGoodJpeg());
    const back = await chat.text("/back");
    expect(keys(back)).toEqual(["ask.idFront", "ask.currentDocument"]);
    expect(readable(back)).toContain("[Keep this photo]");
    expect(keys(await chat.press("keep"))).toEqual(["ask.idBack"]);
    await chat.file(await minimalGoodJpeg(9));
    await chat.press("edit");
    const name = await chat.press("edit.name");
    expect(readable(name)).toContain("[Keep “张三”]");
    expect(keys(await chat.press("keep"))[0]).toBe("consent.prompt");
    expect(keys(await chat.press("keep"))).toEqual([
      "input.staleChoice",
      "consent.prompt",
      "summary.title",
      ...Array(7).fill("summary.line"),
    ]);
  });

  it("asked which item to change, the item named in words is asked again ('my email is wrong'), not the FAQ telling them to use Change something", async () => {
    const chat = harness.chat("alice");
    await registerForIdCard(chat);
    await chat.text("11010519491231002X");
    await chat.file(await minimalGoodJpeg());
    await chat.file(await minimalGoodJpeg(9));
    await chat.press("edit");
    const email = await chat.text("my email is wrong");
    expect(keys(email)[0]).toBe("ask.email");
    expect(keys(email)).not.toContain("faq.modifyDraft");
    await chat.press("keep");
    await chat.press("edit");
    expect(keys(await chat.text("身份证号填错了"))[0]).toBe("ask.idNumber");
  });
});

describe("'OK' and 'wait' where a question is pending", () => {
  it("are not told as wrong answers: 'OK' gets the question again, 'wait' hears the answers are kept; nothing is stored", async () => {
    const chat = harness.chat("alice");
    await chat.press("start");
    await chat.text("张三");
    const ok = await chat.text("好的");
    expect(keys(ok)).toEqual(["ack.ok", "ask.email"]);
    expect(readable(ok)).not.toContain("is not a valid email address");
    await chat.text("zhang@example.com");
    await chat.text("13812348000");
    await chat.press("method.id_card");
    await chat.text("11010519491231002X");
    const wait = await chat.text("稍等，我去拿身份证");
    expect(keys(wait)).toEqual(["ack.wait", "ask.idFront"]);
    expect(readable(wait)).toContain("Take your time: your answers so far are kept.");
    // A question that starts with "wait" is still a question; where buttons are expected, "OK" asks for one.
    expect(keys(await chat.text("等等，照片有什么要求？"))).toContain("faq.document-requirements");
    await chat.file(await minimalGoodJpeg());
    await chat.file(await minimalGoodJpeg(9));
    expect(keys(await chat.text("ok"))).toContain("input.useButtons");
    // Nothing typed above was stored: every answer on the summary is the real one.
    expect(readable(await chat.text("/status"))).toMatch(/Your application isn.t submitted yet: (\d+) of \1 items done/);
  });
});

describe("start over", () => {
  it("asks once, then discards the draft and deletes its photos; Keep my answers goes back to the pending step", async () => {
    const chat = harness.chat("alice");
    await registerForIdCard(chat);
    await chat.text("11010519491231002X");
    await chat.file(await minimalGoodJpeg());
    const [stored] = await harness.rows<{ documents: string }>("select documents from applications where status = 'draft'");
    const front = (JSON.parse(stored!.documents) as Record<string, { id: string }>).id_front!.id;
    expect(await harness.documents.has(front)).toBe(true);

    const asked = await chat.text("start over");
    expect(keys(asked)).toEqual(["restart.confirm"]);
    expect(readable(asked)).toContain("[Yes, start over] [Keep my answers]");
    expect(keys(await chat.press("restart.cancel"))).toEqual(["restart.kept", "ask.idBack"]);

    await chat.text("/restart");
    const done = await chat.press("restart.confirm");
    expect(keys(done)).toEqual(["restart.done", "menu.prompt"]);
    expect(readable(done)).toContain("[Start verification]");
    expect(await harness.documents.has(front)).toBe(false);
    expect(keys(await chat.text("/status"))).toContain("situation.none");
    expect(keys(await chat.press("restart.confirm"))).toContain("input.staleChoice");
  });

  it("重新开始 with nothing to discard says so", async () => {
    const chat = harness.chat("alice", "console", "zh-CN");
    expect(readable(await chat.text("重新开始"))).toContain("当前没有可以重新开始的未完成申请。");
  });
});

describe("'Submit' where no summary is shown", () => {
  it("typed at a step, says what is still missing; in the menu, that nothing is in progress; after submitting, where it stands", async () => {
    const chat = harness.chat("alice");
    await chat.text("/start");
    expect(keys(await chat.text("submit"))).toEqual(["submit.nothing", "menu.prompt"]);
    await registerForIdCard(chat);
    await chat.text("11010519491231002X");
    await chat.file(await minimalGoodJpeg());
    // Not the FAQ on resubmitting after a rejection, nor "a submitted application can't be edited".
    for (const typed of ["Submit (I agree)", "提交", "Submit"]) {
      const replies = await chat.text(typed);
      expect(keys(replies), typed).toEqual(["submit.notYet", "ask.idBack"]);
    }
    expect(readable(await chat.text("/status"))).toContain("6 of 7 items done"); // nothing lost, nothing stored
    await chat.file(await minimalGoodJpeg(9));
    await chat.press("edit");
    // Complete but choosing what to change: the summary again, whose button gives the consent; not "an earlier message".
    const back = await chat.text("Submit");
    expect(keys(back)).toContain("summary.title");
    expect(keys(back)).not.toContain("input.staleChoice");
    expect(keys(await chat.text("提交"))).toContain("submitted.done"); // at the summary it is the submission itself
    expect(keys(await chat.text("Submit"))[0]).toBe("start.pending");
  });
});

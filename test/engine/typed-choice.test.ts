import { describe, expect, it } from "vitest";
import { choice } from "../../machines/conversation.choices.js";
import { typedPress } from "../../src/engine/typed-choice.js";
import { msg } from "../../src/i18n/message.js";

const MENU = [
  choice("start", "choice.start"),
  choice("status", "choice.status"),
  choice("faq", "choice.faq"),
  choice("support", "choice.support"),
];
const METHODS = [
  choice("method.id_card", "method.id_card"),
  choice("method.phone", "method.phone"),
  choice("method.enterprise", "method.enterprise"),
];

describe("a button's label typed", () => {
  it("presses the offered button whose label it is, in either language, however it is written", () => {
    for (const typed of ["开始认证", "開始認證", " 开始 认证。", "Start verification", "start VERIFICATION!", "ｓｔａｒｔ verification"])
      expect(typedPress(typed, MENU), typed).toBe("choice.start");
    expect(typedPress("查询进度", MENU)).toBe("choice.status");
    expect(typedPress("企业", METHODS)).toBe("choice.method.enterprise");
    // A method as people name it, not only as its button reads.
    for (const [typed, method] of [
      ["id card", "id_card"],
      ["身份证", "id_card"],
      ["身份證認證", "id_card"],
      ["company", "enterprise"],
      ["企业认证", "enterprise"],
      ["SMS", "phone"],
      ["手机认证", "phone"],
    ])
      expect(typedPress(typed!, METHODS), typed).toBe(`choice.method.${method}`);
    expect(typedPress("身份证", MENU)).toBeUndefined();
    // "Send a new one to replace it, or keep it": OK typed under it keeps it; elsewhere OK presses nothing.
    const KEEP = [{ id: "keep", label: msg("choice.keepValue", { value: "Zhang San" }) }];
    for (const typed of ["ok", "OK!", "好的", "好", "keep it", "保留"]) expect(typedPress(typed, KEEP), typed).toBe("choice.keep");
    expect(typedPress("ok", MENU)).toBeUndefined();
    expect(typedPress("Keep “Zhang San”", [{ id: "keep", label: msg("choice.keepValue", { value: "Zhang San" }) }])).toBe("choice.keep");
  });

  it("at the summary, 'submit' or 'I agree' typed is the submission its text speaks of ('By submitting, you agree…')", () => {
    const SUMMARY = [choice("consent.agree", "choice.consentAgree"), choice("edit", "choice.edit")];
    for (const typed of ["提交", "同意", "我同意", "确认提交", "確認", "Submit", "I agree", "confirm and submit", "Submit (I agree)"])
      expect(typedPress(typed, SUMMARY), typed).toBe("choice.consent.agree");
    expect(typedPress("同意", MENU)).toBeUndefined();
    // "Start over?" answered in words; erasing everything takes the button.
    const RESTART = [choice("restart.confirm", "choice.restartConfirm"), choice("restart.cancel", "choice.restartCancel")];
    expect(typedPress("yes", RESTART)).toBe("choice.restart.confirm");
    expect(typedPress("取消", RESTART)).toBe("choice.restart.cancel");
    const ERASE = [
      choice("privacy.erase.confirm", "choice.privacyEraseConfirm"),
      choice("privacy.erase.cancel", "choice.privacyEraseCancel"),
    ];
    expect(typedPress("yes", ERASE)).toBeUndefined();
    // Beside "Resubmit" the start button reads "New application": its usual label still presses it.
    expect(typedPress("开始认证", [choice("resubmit", "choice.resubmit"), choice("start", "choice.startNew")])).toBe("choice.start");
    expect(typedPress("提交了吗", SUMMARY)).toBeUndefined();
  });

  it("asked which item to change: an item named, not only its label typed, is that item — never a question about it, nor an item not offered", () => {
    const EDIT = (["name", "email", "phone", "method", "idNumber", "idFront", "idBack"] as const).map((step) =>
      choice(`edit.${step}`, `field.${step}`),
    );
    for (const [typed, step] of [
      ["phone", "phone"],
      ["name", "name"],
      ["my email is wrong", "email"],
      ["名字写错了", "name"],
      ["手机号填错了", "phone"],
      ["the front photo is blurry, I want to send a better one", "idFront"],
      ["身份证号错了", "idNumber"],
    ])
      expect(typedPress(typed!, EDIT), typed).toBe(`choice.edit.${step}`);
    for (const typed of ["what is a credit code?", "why do you need my phone", "go back", "the credit code is wrong"])
      expect(typedPress(typed, EDIT), typed).toBeUndefined();
    // Anywhere else a mention is no press: "my email is wrong" in the menu is a question for the FAQ.
    expect(typedPress("my email is wrong", MENU)).toBeUndefined();
  });

  it("presses the buttons every state answers even where they are not shown; status becomes /status", () => {
    expect(typedPress("Talk to a person", METHODS)).toBe("choice.support");
    expect(typedPress("全部问题", [])).toBe("choice.faq");
    expect(typedPress("导出我的数据", [])).toBe("choice.privacy.export");
    expect(typedPress("查询进度", METHODS)).toBe("cmd.status");
    // "Submit" anywhere is about the user's application (the machine says what is missing), not the FAQ.
    expect(typedPress("提交", MENU)).toBe("choice.consent.agree");
    expect(typedPress("Submit (I agree)", [])).toBe("choice.consent.agree");
  });

  it("is no press for an answer, a question, a label of a button not offered, or a label two buttons share", () => {
    for (const typed of ["张三", "zhang.san@example.com", "13812348000", "开始认证需要多久", "how do I start verification", "", "。。。"])
      expect(typedPress(typed, MENU), typed).toBeUndefined();
    expect(typedPress("企业", MENU)).toBeUndefined();
    expect(typedPress("开始认证", [choice("start", "choice.start"), choice("resubmit", "choice.start")])).toBeUndefined();
    expect(typedPress(`${"开始认证".repeat(11)}`, MENU)).toBeUndefined();
  });
});

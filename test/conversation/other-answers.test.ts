import { afterEach, describe, expect, it } from "vitest";
import { createHarness, type Harness, keys, readable, submitWithPhone } from "../helpers/harness.js";

let harness: Harness;
afterEach(() => harness?.close());

const ID_NUMBER = "11010519491231002X";
const CREDIT_CODE = "91350100M000100Y43";

describe("an answer to another question, typed at this one", () => {
  it("is named for what it is, never stored, and the question is asked again; the right answer then goes on", async () => {
    harness = await createHarness({ defaultLocale: "en" });
    const chat = harness.chat("alice");
    await chat.press("start");
    for (const [typed, kind] of [
      ["zhang.san@example.com", "an email address"],
      [ID_NUMBER, "an ID number"],
      ["138 1234 8000", "a phone number"],
    ]) {
      const replies = await chat.text(typed!);
      expect(readable(replies), typed).toContain(`That looks like ${kind}, which is not what this question asks for.`);
      expect(keys(replies), typed).toContain("ask.name");
    }
    expect(keys(await chat.text("Zhang San"))).toContain("ask.email");
    expect(readable(await chat.text("13812348000"))).toContain("That looks like a phone number");
    await chat.text("zhang.san@example.com");
    expect(readable(await chat.text("zhang.san@example.com"))).toContain("That looks like an email address");
    await chat.text("13812348000");
    await chat.press("method.enterprise");
    await chat.text("Example Tech Co., Ltd.");
    // A credit code's question given the legal representative's ID number: named, not "doesn't pass its check character".
    const atCode = await chat.text(ID_NUMBER);
    expect(readable(atCode)).toContain("That looks like an ID number");
    expect(keys(atCode)).toContain("ask.uscc");
    expect(readable(await chat.text(CREDIT_CODE))).toContain("business licence");
  });

  it("an invalid answer of this question's own kind keeps its own explanation", async () => {
    harness = await createHarness({ defaultLocale: "en" });
    const chat = harness.chat("bo");
    await chat.press("start");
    await chat.text("Bo Li");
    await chat.text("bo@example.com");
    await chat.text("13812348000");
    await chat.press("method.id_card");
    expect(keys(await chat.text("110105194912310021"))).toContain("error.idCard.checksum");
    expect(keys(await chat.text("1381234"))).toContain("error.idCard.length");
  });

  it("typed in the menu: what it looks like and the button that asks for it — never echoed, never stored", async () => {
    harness = await createHarness({ defaultLocale: "en" });
    const chat = harness.chat("cy");
    await chat.text("/start");
    const atMenu = await chat.text(ID_NUMBER);
    expect(readable(atMenu)).toContain("That looks like an ID number. To use it for your verification, choose “Start verification” below");
    expect(readable(atMenu)).not.toContain(ID_NUMBER);
    expect(atMenu.at(-1)!.choices?.map((choice) => choice.id)).toContain("start");
    await chat.press("start");
    await chat.text("Cy Wu");
    await chat.text("/cancel");
    expect(readable(await chat.text("13812348000"))).toContain(
      "That looks like a phone number. To use it for your verification, choose “Continue verification” below",
    );
    expect(keys(await chat.press("start"))).toContain("ask.email");

    // With an application in review there is nothing to start: the menu answers as before.
    await submitWithPhone(harness, "di");
    expect(keys(await harness.chat("di").text(ID_NUMBER))).not.toContain("menu.detailTyped");
  });

  it("in Chinese", async () => {
    harness = await createHarness();
    const chat = harness.chat("mei", "console", "zh-CN");
    await chat.press("start");
    expect(readable(await chat.text(ID_NUMBER))).toContain("这看起来是身份证号码，不是这一步要填写的内容。");
    await chat.text("/cancel");
    expect(readable(await chat.text("mei@example.com"))).toContain(
      "这看起来是邮箱地址。如需用于认证，请点击下方的「开始认证」，我会逐项询问。",
    );
  });
});

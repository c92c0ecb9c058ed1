import { describe, expect, it } from "vitest";
import { parseConsoleLine } from "../../adapters/console/console-input.js";
import { renderReply } from "../../adapters/console/console-render.js";
import { msg } from "../../src/i18n/message.js";

describe("console input", () => {
  const last = ["start", "status", "faq"];

  it("turns a bare number into a press of that button of the last message with buttons", () => {
    expect(parseConsoleLine("2", last)).toEqual({ kind: "press", choice: "status" });
    expect(parseConsoleLine(" 1 ", last)).toEqual({ kind: "press", choice: "start" });
  });

  it("keeps numbers that are no button as text (phone numbers, one-time codes)", () => {
    expect(parseConsoleLine("4", last)).toEqual({ kind: "text", text: "4" });
    expect(parseConsoleLine("123456", last)).toEqual({ kind: "text", text: "123456" });
    expect(parseConsoleLine("1", [])).toEqual({ kind: "text", text: "1" });
  });

  it("reads /as and /file, and explains their usage", () => {
    expect(parseConsoleLine("/as reviewer", last)).toEqual({ kind: "switchUser", user: "reviewer" });
    expect(parseConsoleLine('/file "/tmp/my photo.jpg"', last)).toEqual({ kind: "file", path: "/tmp/my photo.jpg" });
    expect(parseConsoleLine("/as", last).kind).toBe("usage");
    expect(parseConsoleLine("/file", last).kind).toBe("usage");
    expect(parseConsoleLine("/status", last)).toEqual({ kind: "text", text: "/status" });
  });
});

describe("console output", () => {
  it("prints `bot → <user>: <text>`, continuation lines, then `    [n] <label>` per button", () => {
    const text = renderReply("alice", {
      locale: "en",
      body: [msg("summary.title"), msg("summary.line", { label: msg("field.name"), value: "Zhang San" })],
      choices: [
        { id: "submit", label: msg("choice.submit") },
        { id: "edit", label: msg("choice.edit") },
      ],
    });
    expect(text).toBe("bot → alice: Please check your application:\n• Full name: Zhang San\n    [1] Submit\n    [2] Change something");
  });
});

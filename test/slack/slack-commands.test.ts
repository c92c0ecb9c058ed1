import { describe, expect, it } from "vitest";
import { inSlackCommands, verifyContent } from "../../adapters/slack/slack-commands.js";

describe("commands as a Slack user types them", () => {
  it("spells the assistant's commands as words after /verify, in either language, and nothing else", () => {
    expect(inSlackCommands("/status shows where it stands; /start — main menu")).toBe(
      "/verify status shows where it stands; /verify — main menu",
    );
    expect(inSlackCommands("可在聊天中发送 /status 查询，或发送/lang en。")).toBe(
      "可在聊天中发送 /verify status 查询，或发送/verify lang en。",
    );
    // Not a command: a path in an address, an unknown word, a word that only begins like one.
    for (const text of ["https://example.com/status", "/statuses", "/verify status", "a/b", "/unknown"])
      expect(inSlackCommands(text)).toBe(text);
  });

  it("reads /verify <command> as the command, a slash typed out of habit included; faq and anything else as before", () => {
    expect(verifyContent("")).toEqual({ kind: "command", command: "start", args: "" });
    expect(verifyContent(" Lang  en ")).toEqual({ kind: "command", command: "lang", args: "en" });
    expect(verifyContent("/back")).toEqual({ kind: "command", command: "back", args: "" });
    expect(verifyContent("faq")).toEqual({ kind: "choice", choice: "faq" });
    expect(verifyContent("faq how long does review take")).toEqual({ kind: "text", text: "how long does review take" });
    expect(verifyContent("I lost my ID card")).toEqual({ kind: "text", text: "I lost my ID card" });
  });
});

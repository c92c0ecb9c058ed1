import { describe, expect, it } from "vitest";
import { parseConsoleLine } from "../../adapters/console/console-input.js";
import { renderReply } from "../../adapters/console/console-render.js";
import { msg } from "../../src/i18n/message.js";

describe("console input", () => {
  // Buttons numbered across the run: [1]–[3] went to alice, [4] to the reviewer.
  const button = [
    { reader: "alice", choice: "start", label: "Start verification" },
    { reader: "alice", choice: "status", label: "Check status" },
    { reader: "alice", choice: "faq", label: "FAQ" },
    { reader: "reviewer", choice: "rv:ok:ABCD-1234", label: "Approve" },
    { reader: "alice", choice: "status:again", label: "Check status" },
  ];

  it("turns a bare number into a press of that button, however long ago it was printed", () => {
    expect(parseConsoleLine("2", "alice", button)).toEqual({ kind: "press", choice: "status" });
    expect(parseConsoleLine(" 1 ", "alice", button)).toEqual({ kind: "press", choice: "start" });
    expect(parseConsoleLine("4", "reviewer", button)).toEqual({ kind: "press", choice: "rv:ok:ABCD-1234" });
  });

  it("says whose button another user's number is, instead of pressing it", () => {
    expect(parseConsoleLine("4", "alice", button)).toEqual({
      kind: "usage",
      message: "button [4] was sent to reviewer: /as reviewer to press it",
    });
  });

  it("presses by label: the latest button with that label sent to this user", () => {
    expect(parseConsoleLine("[Check status]", "alice", button)).toEqual({ kind: "press", choice: "status:again" });
    expect(parseConsoleLine(" [Approve] ", "reviewer", button)).toEqual({ kind: "press", choice: "rv:ok:ABCD-1234" });
    expect(parseConsoleLine("[Approve]", "alice", button)).toEqual({ kind: "usage", message: "no button [Approve] was sent to alice" });
  });

  it("keeps numbers that are no button as text (phone numbers, one-time codes)", () => {
    expect(parseConsoleLine("6", "alice", button)).toEqual({ kind: "text", text: "6" });
    expect(parseConsoleLine("123456", "alice", button)).toEqual({ kind: "text", text: "123456" });
    expect(parseConsoleLine("0001", "alice", [])).toEqual({ kind: "text", text: "0001" });
  });

  it("reads /as and /file, and explains their usage", () => {
    expect(parseConsoleLine("/as reviewer", "alice", button)).toEqual({ kind: "switchUser", user: "reviewer" });
    expect(parseConsoleLine('/file "/tmp/my photo.jpg"', "alice", button)).toEqual({ kind: "file", path: "/tmp/my photo.jpg" });
    expect(parseConsoleLine("/as", "alice", button).kind).toBe("usage");
    expect(parseConsoleLine("/file", "alice", button).kind).toBe("usage");
    expect(parseConsoleLine("/status", "alice", button)).toEqual({ kind: "text", text: "/status" });
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

  it("numbers buttons from where the run is, and prints where a file for the reader was saved", () => {
    const text = renderReply(
      "alice",
      {
        locale: "en",
        body: [msg("summary.title")],
        file: { name: "my-data.json", content: Buffer.from("{}") },
        choices: [{ id: "submit", label: msg("choice.submit") }],
      },
      { firstButton: 12, savedFile: "/data/exports/alice-my-data.json" },
    );
    expect(text).toBe(
      "bot → alice: Please check your application:\n    📄 my-data.json (2 bytes): /data/exports/alice-my-data.json\n    [12] Submit",
    );
  });
});

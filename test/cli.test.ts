import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { canRunOffline, runCli, testEnv } from "./helpers/child-process.js";
import { renderCard } from "./helpers/document-cards.js";
import { goodJpeg } from "./helpers/hostile-files.js";

let dir: string;
let env: NodeJS.ProcessEnv;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "assistant-cli-"));
  env = testEnv(join(dir, "data"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("cli", () => {
  it.each([
    [["id-card", "11010519491231002x"], 0, { valid: true, normalized: "11010519491231002X" }],
    [["id-card", "110105194912310021"], 1, { valid: false, error: "checksum" }],
    [["uscc", "91350100M000100Y43"], 0, { valid: true, normalized: "91350100M000100Y43" }],
    [["phone", "138 1234 8000"], 0, { valid: true, normalized: "+8613812348000" }],
    [["phone", "12345"], 1, { valid: false, error: "too_short" }],
    [["email", "Zhang@Example.com"], 0, { valid: true, normalized: "zhang@example.com" }],
    [["email", "zhang@"], 1, { valid: false, error: "format" }],
  ])("validate %j --json", (args, code, json) => {
    const result = runCli(["validate", ...args, "--json"], env);
    expect(result.code).toBe(code);
    expect(JSON.parse(result.stdout)).toEqual(json);
  });

  it("migrates, then reports the database up to date", () => {
    expect(runCli(["migrate"], env).stdout).toContain("applied: 001-initial");
    expect(runCli(["migrate"], env).stdout).toContain("up to date");
  });

  it("exits 1 for a user who never wrote to the assistant", () => {
    const result = runCli(["status", "telegram", "12345", "--json"], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("no telegram user");
  });

  it("check-document --json: a good photo passes with its format and size (exit 0)", async () => {
    const path = join(dir, "good.jpg");
    const bytes = await goodJpeg();
    writeFileSync(path, bytes);
    const result = runCli(["check-document", path, "--json"], env);
    expect(result.code).toBe(0);
    // OCR is off in this environment: nothing is read.
    expect(JSON.parse(result.stdout)).toEqual({
      ok: true,
      problems: [],
      warnings: [],
      format: "jpeg",
      width: 1200,
      height: 800,
      bytes: bytes.length,
      read: null,
    });
  });

  it("check-document with OCR on: the side and the ID number read on the photo (JSON in full, text masked), with no network at all", async () => {
    const card = await renderCard("portrait", 3, { rotation: -4, blur: 0, jpegQuality: 85 });
    const path = join(dir, "card.jpg");
    writeFileSync(path, card.bytes);
    const withOcr = { ...env, OCR: "on" };
    // The models come from node_modules: reading works where no connection can be made (if the machine allows a namespace).
    const offline = canRunOffline();
    if (!offline) console.warn("unshare is not permitted here: check-document is read with the network present");
    const result = runCli(["check-document", path, "--json"], withOcr, { offline });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).read).toEqual({
      side: "portrait",
      idNumber: card.idNumber,
      uscc: null,
      confidence: expect.any(Number),
    });
    const text = runCli(["check-document", path], withOcr).stdout;
    expect(text).toContain(
      `read: portrait side, ID number ${card.idNumber!.slice(0, 6)}********${card.idNumber!.slice(-4)}, credit code none`,
    );
    expect(text).not.toContain(card.idNumber!);
  });

  it("check-document --json --lang en: lists every problem with a message that says what to do (exit 1)", async () => {
    const path = join(dir, "bad.jpg");
    writeFileSync(
      path,
      await sharp(await goodJpeg())
        .blur(6)
        .greyscale()
        .jpeg()
        .toBuffer(),
    );
    const result = runCli(["check-document", path, "--json", "--lang", "en"], env);
    expect(result.code).toBe(1);
    const output = JSON.parse(result.stdout);
    expect(output.ok).toBe(false);
    expect(output.problems.map((p: { code: string }) => p.code)).toEqual(["blurry"]);
    // Black-and-white is accepted with advice: a warning, which does not decide the exit code.
    expect(output.warnings).toEqual(["greyscale"]);
    expect(output.problems.find((p: { code: string }) => p.code === "blurry").message).toMatch(/^It is blurry\. Hold the phone steady/);
  });

  it("check-document: a file that is no image is unsupported_format, named in Chinese with --lang zh-CN", () => {
    const path = join(dir, "notes.jpg");
    writeFileSync(path, "just text");
    const result = runCli(["check-document", path, "--json", "--lang", "zh-CN"], env);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({
      ok: false,
      format: null,
      width: null,
      height: null,
      bytes: 9,
      problems: [{ code: "unsupported_format", message: expect.stringContaining("JPEG 或 PNG") }],
    });
  });

  it("faq --json: the topic, confidence and answer a phrasing gets; null topic when nothing matches", () => {
    const matched = JSON.parse(runCli(["faq", "審核要多久", "--json", "--lang", "zh-CN"], env).stdout);
    expect(matched).toMatchObject({ topic: "review-time", answer: expect.stringContaining("1–3 个工作日") });
    expect(matched.confidence).toBeGreaterThan(0.3);
    const unmatched = JSON.parse(runCli(["faq", "tell me a joke", "--json", "--lang", "en"], env).stdout);
    expect(unmatched).toMatchObject({ topic: null, answer: expect.stringContaining("not sure what you mean") });
    // Without --lang, the answer is in the question's language, as in a chat.
    expect(JSON.parse(runCli(["faq", "how long does review take", "--json"], env).stdout)).toMatchObject({
      topic: "review-time",
      locale: "en",
      answer: expect.stringContaining("1–3 business days"),
    });
    expect(JSON.parse(runCli(["faq", "审核要多久", "--json", "--lang", "en"], env).stdout).locale).toBe("en");
  });

  it("faq teach / taught / forget / unmatched: what operators do with what the FAQ missed", () => {
    const taught = runCli(["faq", "teach", "where is my blue stamp", "check-status", "--json"], env);
    expect(taught.code).toBe(0);
    const { id } = JSON.parse(taught.stdout) as { id: number };
    expect(JSON.parse(runCli(["faq", "taught", "--json"], env).stdout)).toMatchObject([
      { id, question: "where is my blue stamp", topic: "check-status" },
    ]);
    expect(runCli(["faq", "teach", "anything", "no-such-topic"], env).code).toBe(2);
    expect(runCli(["faq", "forget", String(id)], env).code).toBe(0);
    expect(runCli(["faq", "forget", String(id)], env).code).toBe(1);
    expect(JSON.parse(runCli(["faq", "unmatched", "--json", "--since", "2026-01-01"], env).stdout)).toEqual([]);
    expect(runCli(["faq", "unmatched", "--since", "yesterday-ish"], env).code).toBe(2);
  });

  it.each([
    [["frobnicate"]],
    [["check-document", "/no/such/file.jpg"]],
    [["check-document", "x.jpg", "--lang", "fr"]],
    [[]],
    [["validate", "passport", "x"]],
    [["status", "whatsapp", "x"]],
    [["status", "console"]],
    [["validate", "email", "a@b.co", "--bogus"]],
  ])("prints usage and exits 2 for %j", (args) => {
    const result = runCli(args, env);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("usage: npm run cli");
  });
});

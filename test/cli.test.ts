import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, testEnv } from "./helpers/child-process.js";

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

  it.each([[["frobnicate"]], [[]], [["validate", "passport", "x"]], [["status", "whatsapp", "x"]], [["status", "console"]], [["validate", "email", "a@b.co", "--bogus"]]])(
    "prints usage and exits 2 for %j",
    (args) => {
      const result = runCli(args, env);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain("usage: npm run cli");
    },
  );
});

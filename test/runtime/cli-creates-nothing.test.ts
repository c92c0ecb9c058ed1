import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, testEnv } from "../helpers/child-process.js";
import { freshDatabase, TESTED_DIALECTS } from "../helpers/test-databases.js";

// Issue 28 §14: `npm run cli -- …` never creates a database or an encryption key; only `npm start` and `migrate` do.
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "assistant-cli-nothing-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(TESTED_DIALECTS)("the CLI on %s", (dialect) => {
  it("pointed at a data directory without a database: exits 1 saying so, and creates nothing", async () => {
    const dataDir = join(dir, `${dialect}-empty`);
    mkdirSync(dataDir);
    const { target, drop } = await freshDatabase(dialect, dataDir);
    const url: Record<string, string> = target.kind === "postgres" ? { DATABASE_URL: target.url } : {};
    try {
      for (const args of [
        ["status", "telegram", "1"],
        ["privacy", "export", "telegram", "1"],
        ["keys", "rotate"],
      ]) {
        const result = runCli(args, testEnv(dataDir, url));
        expect(result.code, args.join(" ")).toBe(1);
        expect(result.stderr).toContain("no assistant database here");
        expect(result.stderr).toContain("npm run cli -- migrate");
      }
      expect(readdirSync(dataDir)).toEqual([]);
      if (target.kind === "postgres") {
        // Nothing was created in the empty database either: `migrate` still has everything to apply.
        expect(runCli(["migrate"], testEnv(dataDir, url)).stdout).toContain("applied: 001-initial");
      }
    } finally {
      await drop();
    }
  });
});

describe("the CLI without DATA_ENCRYPTION_KEYS", () => {
  it("does not make a key beside a database that has none: exits 1, and the key file stays absent", () => {
    const dataDir = join(dir, "no-key");
    const env = testEnv(dataDir);
    delete env.DATA_ENCRYPTION_KEYS;
    expect(runCli(["migrate"], env).code).toBe(0);
    const result = runCli(["status", "telegram", "1"], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("DATA_ENCRYPTION_KEYS is not set and there is no key");
    expect(existsSync(join(dataDir, "encryption.key"))).toBe(false);
  });
});

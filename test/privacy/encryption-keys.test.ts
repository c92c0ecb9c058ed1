import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import SQLite from "better-sqlite3";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readConfig } from "../../src/runtime/config.js";
import { Keyring, parseDataKeys } from "../../src/runtime/keyring.js";
import { runCli, runConsoleWithInput, testEnv } from "../helpers/child-process.js";
import { minimalGoodJpeg } from "../helpers/hostile-files.js";
import { NEXT_TEST_KEY, TEST_DATA_KEYS } from "../helpers/test-keys.js";

const keyring = new Keyring(parseDataKeys(TEST_DATA_KEYS));

describe("the keyring (AES-256-GCM)", () => {
  it("opens what it sealed, for any text and any bytes", () => {
    fc.assert(fc.property(fc.string({ unit: "grapheme" }), (text) => keyring.openText(keyring.sealText(text)) === text));
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2048 }), (bytes) =>
        keyring.openBytes(keyring.sealBytes(Buffer.from(bytes))).equals(Buffer.from(bytes)),
      ),
    );
  });

  it("names its key in every value, never repeats a ciphertext, and keeps the value out of sight", () => {
    const first = keyring.sealText("11010519491231002X");
    const second = keyring.sealText("11010519491231002X");
    expect(first).toMatch(/^enc1:test:/);
    expect(first).not.toBe(second);
    expect(first).not.toContain("11010519491231002X");
  });

  it("refuses a tampered value and one sealed with a key it does not have, naming the key only", () => {
    const sealed = Buffer.from(keyring.sealText("secret note").slice("enc1:test:".length), "base64");
    sealed[sealed.length - 1]! ^= 1;
    expect(() => keyring.openText(`enc1:test:${sealed.toString("base64")}`)).toThrow(/failed authentication/);
    const other = new Keyring(parseDataKeys(NEXT_TEST_KEY));
    expect(() => keyring.openText(other.sealText("secret note"))).toThrow(/key "next"/);
    expect(() => keyring.openText(other.sealText("secret note"))).not.toThrow(/secret/);
  });

  it("reads values stored before encryption as they are (until `keys rotate` seals them)", () => {
    expect(keyring.openText('{"name":"x"}')).toBe('{"name":"x"}');
    expect(keyring.isCurrent('{"name":"x"}')).toBe(false);
    expect(keyring.isCurrent(keyring.sealText("x"))).toBe(true);
  });
});

describe("DATA_ENCRYPTION_KEYS", () => {
  it("is required where real users are (Telegram, Slack), naming the variable and how to get a key", () => {
    expect(() => readConfig({ TELEGRAM_BOT_TOKEN: "123456:abc" })).toThrow(/DATA_ENCRYPTION_KEYS.*keys generate/);
    expect(() => readConfig({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s" })).toThrow(/DATA_ENCRYPTION_KEYS/);
    expect(readConfig({}).dataKeys).toBeNull();
    expect(readConfig({ DATA_ENCRYPTION_KEYS: `${NEXT_TEST_KEY}, ${TEST_DATA_KEYS}` }).dataKeys?.map((key) => key.id)).toEqual([
      "next",
      "test",
    ]);
  });

  it.each([
    ["no id", Buffer.alloc(32).toString("base64")],
    ["a bad id", `bad id:${Buffer.alloc(32).toString("base64")}`],
    ["16 bytes", `k1:${Buffer.alloc(16).toString("base64")}`],
    ["not base64", "k1:!!!!"],
    ["a repeated id", `${TEST_DATA_KEYS},${TEST_DATA_KEYS}`],
  ])("refuses %s, naming the variable and never the key", (_, value) => {
    expect(() => readConfig({ DATA_ENCRYPTION_KEYS: value })).toThrow(/^DATA_ENCRYPTION_KEYS: /);
    try {
      readConfig({ DATA_ENCRYPTION_KEYS: value });
    } catch (error) {
      expect((error as Error).message).not.toContain(Buffer.alloc(32).toString("base64"));
    }
  });
});

describe("the data directory, the console's key file and key rotation (as processes)", () => {
  let dir: string;
  let photo: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "assistant-keys-"));
    photo = join(dir, "front.jpg");
    writeFileSync(photo, await minimalGoodJpeg());
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const flow = (photoPath: string) => [
    "/start",
    "1",
    "Probe Rotation",
    "probe.rotation@example.com",
    "13812348000",
    "5", // Personal ID card: console buttons are numbered across the run
    "11010519491231002X",
    `/file ${photoPath}`,
  ];

  it("npm start with no key: a key file is made (0600, said on stderr); the data directory is 0700 and the database 0600", () => {
    const dataDir = join(dir, "console");
    const env = testEnv(dataDir);
    delete env.DATA_ENCRYPTION_KEYS;
    const run = runConsoleWithInput(flow(photo), env);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("DATA_ENCRYPTION_KEYS is not set");
    const mode = (path: string) => statSync(path).mode & 0o777;
    expect(mode(join(dataDir, "encryption.key"))).toBe(0o600);
    expect(mode(dataDir)).toBe(0o700);
    expect(mode(join(dataDir, "assistant.db"))).toBe(0o600);
    expect(parseDataKeys(readFileSync(join(dataDir, "encryption.key"), "utf8"))).toHaveLength(1);
    // A second start uses the same key and says nothing more about it.
    const again = runConsoleWithInput(["/status"], env);
    expect(again.stderr).not.toContain("DATA_ENCRYPTION_KEYS is not set");
    const status = runCli(["status", "console", "alice", "--json"], env); // the CLI opens the same sealed store
    expect(status.code).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({ user: "alice", application: null });
  });

  it("keys generate prints a usable key; keys rotate re-seals everything with the new first key, and the old key can go", () => {
    const generated = runCli(["keys", "generate"], testEnv(dir));
    expect(generated.code).toBe(0);
    const [newKey] = parseDataKeys(generated.stdout.trim());
    expect(newKey?.key).toHaveLength(32);

    const dataDir = join(dir, "rotation");
    const oldEnv = testEnv(dataDir, { DATA_ENCRYPTION_KEYS: TEST_DATA_KEYS });
    expect(runConsoleWithInput(flow(photo), oldEnv).code).toBe(0);
    const both = testEnv(dataDir, { DATA_ENCRYPTION_KEYS: `${NEXT_TEST_KEY},${TEST_DATA_KEYS}` });
    const rotated = runCli(["keys", "rotate"], both);
    expect(rotated.code).toBe(0);
    expect(rotated.stdout).toMatch(/re-sealed [1-9]\d* value\(s\) and checked [1-9]\d* document\(s\) with key next/);

    const sqlite = new SQLite(join(dataDir, "assistant.db"), { readonly: true });
    const snapshots = sqlite.prepare("select snapshot from conversations").all() as Array<{ snapshot: string }>;
    const details = sqlite.prepare("select details from applications").all() as Array<{ details: string }>;
    sqlite.close();
    for (const value of [...snapshots.map((row) => row.snapshot), ...details.map((row) => row.details)])
      expect(value).toMatch(/^enc1:next:/);
    const documents = join(dataDir, "documents");
    for (const folder of readdirSync(documents))
      for (const file of readdirSync(join(documents, folder)))
        expect(readFileSync(join(documents, folder, file)).includes(Buffer.from("test"))).toBe(false);

    // With only the new key, the conversation goes on where it was: the old key is no longer needed.
    const onlyNew = testEnv(dataDir, { DATA_ENCRYPTION_KEYS: NEXT_TEST_KEY });
    const resumed = runConsoleWithInput(["/status"], onlyNew);
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).not.toMatch(/key "test"|failed authentication/);
    expect(resumed.stdout).toContain("bot → alice:");
  });
});

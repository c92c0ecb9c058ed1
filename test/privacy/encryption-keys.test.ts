import { createCipheriv } from "node:crypto";
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

const at = { table: "applications", column: "details", row: "app-1" };

/** A value as the keyring sealed it before values were bound to their place (format `enc1:`). */
function legacySealed(plain: string): string {
  const iv = Buffer.alloc(12, 3);
  const cipher = createCipheriv("aes-256-gcm", Buffer.alloc(32, 7), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return `enc1:test:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64")}`;
}

describe("the keyring (AES-256-GCM)", () => {
  it("opens what it sealed, for any text and any bytes, under the data keys and under a user's key", () => {
    const userKey = keyring.newUserKey();
    fc.assert(fc.property(fc.string({ unit: "grapheme" }), (text) => keyring.openText(keyring.sealText(text, at), at) === text));
    fc.assert(fc.property(fc.string(), (text) => keyring.openText(keyring.sealText(text, at, userKey), at, userKey) === text));
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2048 }), (bytes) =>
        keyring.openBytes(keyring.sealBytes(Buffer.from(bytes), at, userKey), at, userKey).equals(Buffer.from(bytes)),
      ),
    );
  });

  it("names its key in every value, never repeats a ciphertext, and keeps the value out of sight", () => {
    const first = keyring.sealText("11010519491231002X", at);
    const second = keyring.sealText("11010519491231002X", at);
    expect(first).toMatch(/^enc2:test:/);
    expect(first).not.toBe(second);
    expect(first).not.toContain("11010519491231002X");
    const userKey = keyring.newUserKey();
    expect(keyring.sealText("x", at, userKey)).toMatch(new RegExp(`^encu:${userKey.id}:`));
  });

  it("refuses a tampered value and one sealed with a key it does not have, naming the key only", () => {
    const sealed = Buffer.from(keyring.sealText("secret note", at).slice("enc2:test:".length), "base64");
    sealed[sealed.length - 1]! ^= 1;
    expect(() => keyring.openText(`enc2:test:${sealed.toString("base64")}`, at)).toThrow(/failed authentication/);
    const other = new Keyring(parseDataKeys(NEXT_TEST_KEY));
    expect(() => keyring.openText(other.sealText("secret note", at), at)).toThrow(/key "next"/);
    expect(() => keyring.openText(other.sealText("secret note", at), at)).not.toThrow(/secret/);
  });

  it("binds a value to its table, column and row: copied anywhere else it does not open", () => {
    const fresh = () => new Keyring(parseDataKeys(TEST_DATA_KEYS)); // no memory of what it sealed
    const sealed = keyring.sealText("张三", at);
    for (const elsewhere of [
      { ...at, row: "app-2" },
      { ...at, column: "note" },
      { ...at, table: "support_requests" },
    ]) {
      expect(() => fresh().openText(sealed, elsewhere)).toThrow(/failed authentication/);
      expect(() => keyring.openText(sealed, elsewhere)).toThrow(/failed authentication/);
    }
    expect(fresh().openText(sealed, at)).toBe("张三");
    const bytes = keyring.sealBytes(Buffer.from("photo"), at);
    expect(() => fresh().openBytes(bytes, { ...at, row: "app-2" })).toThrow(/failed authentication/);
  });

  it("opens a user's value only with that user's key; without it the value says its key is gone", () => {
    const alice = keyring.newUserKey();
    const bob = keyring.newUserKey();
    const sealed = keyring.sealText("alice@example.com", at, alice);
    expect(() => keyring.openText(sealed, at)).toThrow(/user key that no longer exists/);
    expect(() => keyring.openText(sealed, at, bob)).toThrow(/user key that no longer exists/);
    expect(keyring.openText(sealed, at, alice)).toBe("alice@example.com");
    const wrapped = keyring.wrapUserKey("user-1", alice);
    expect(keyring.unwrapUserKey("user-1", wrapped)).toEqual(alice);
    expect(() => new Keyring(parseDataKeys(TEST_DATA_KEYS)).unwrapUserKey("user-2", wrapped)).toThrow(/failed authentication/);
  });

  it("opens a value kept in memory for its next opening only as it opens any value: at its place, with its key", () => {
    const alice = keyring.newUserKey();
    const sealed = keyring.sealText("alice's snapshot", at, alice, { reopenedSoon: true });
    expect(keyring.openText(sealed, at, alice)).toBe("alice's snapshot");
    expect(() => keyring.openText(sealed, at, keyring.newUserKey())).toThrow(/user key that no longer exists/);
    expect(() => keyring.openText(sealed, at)).toThrow(/user key that no longer exists/);
    expect(() => keyring.openText(sealed, { ...at, row: "app-2" }, alice)).toThrow(/failed authentication/);
    const copied = `${sealed.slice(0, -4)}AAA=`;
    expect(() => keyring.openText(copied, at, alice)).toThrow(/failed authentication/);
  });

  it("refuses values stored without a seal, except for the rotation that seals them; reads the older format until then", () => {
    expect(() => keyring.openText('{"name":"x"}', at)).toThrow(/is not sealed; run "npm run cli -- keys rotate"/);
    expect(() => keyring.openBytes(Buffer.from("plain photo"), at)).toThrow(/is not sealed/);
    expect(keyring.openText('{"name":"x"}', at, undefined, { acceptUnsealed: true })).toBe('{"name":"x"}');
    expect(keyring.isCurrent('{"name":"x"}')).toBe(false);
    expect(keyring.openText(legacySealed("旧"), at)).toBe("旧");
    expect(keyring.isCurrent(legacySealed("旧"))).toBe(false);
    expect(keyring.isCurrent(keyring.sealText("x", at))).toBe(true);
    expect(keyring.isCurrent(keyring.sealText("x", at, keyring.newUserKey()))).toBe(true);
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
    const wrapped = sqlite.prepare("select wrapped from user_keys").all() as Array<{ wrapped: string }>;
    const serviceKeys = sqlite.prepare("select sealed from service_keys").all() as Array<{ sealed: string }>;
    sqlite.close();
    // The user's values stay under their own key; only the keys the data keys seal are re-sealed.
    for (const value of [...snapshots.map((row) => row.snapshot), ...details.map((row) => row.details)]) expect(value).toMatch(/^encu:/);
    expect(wrapped).toHaveLength(1);
    for (const value of [...wrapped.map((row) => row.wrapped), ...serviceKeys.map((row) => row.sealed)])
      expect(value).toMatch(/^enc2:next:/);
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

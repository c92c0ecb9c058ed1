import { describe, expect, it } from "vitest";
import { readConfig } from "../../src/runtime/config.js";
import { TEST_DATA_KEYS } from "../helpers/test-keys.js";

/** Issue 28 §5 and §13: weak transport secrets, plain-http URLs to other machines and unknown database schemes stop the start; no error echoes credentials. */
const SECRET = "webhook-secret-0123456789abcdef";
const TELEGRAM = {
  DATA_ENCRYPTION_KEYS: TEST_DATA_KEYS,
  TELEGRAM_BOT_TOKEN: "123456:ABC-def_42",
  TELEGRAM_WEBHOOK_URL: "https://bot.example.com/t",
};

describe("transport secrets and URLs", () => {
  it("TELEGRAM_WEBHOOK_SECRET needs at least 24 characters, like the other secrets", () => {
    expect(() => readConfig({ ...TELEGRAM, TELEGRAM_WEBHOOK_SECRET: "x" })).toThrow(/^TELEGRAM_WEBHOOK_SECRET: must be 24-256 characters/);
    expect(() => readConfig({ ...TELEGRAM, TELEGRAM_WEBHOOK_SECRET: "a".repeat(23) })).toThrow(/TELEGRAM_WEBHOOK_SECRET/);
    expect(readConfig({ ...TELEGRAM, TELEGRAM_WEBHOOK_SECRET: "a".repeat(24) }).telegram?.webhook?.secret).toBe("a".repeat(24));
  });

  it.each(["WEBHOOK_URL", "SMS_WEBHOOK_URL"])(
    "%s must be https://, except to a loopback address or with ALLOW_INSECURE_URLS=true",
    (name) => {
      const extra = name === "WEBHOOK_URL" ? { WEBHOOK_SECRET: SECRET } : { SMS_WEBHOOK_TOKEN: SECRET };
      const read = (value: string, more: Record<string, string> = {}) => readConfig({ [name]: value, ...extra, ...more });
      expect(() => read("http://hooks.example.com/in")).toThrow(new RegExp(`^${name}: must use https://`));
      expect(() => read("http://10.0.0.7/in")).toThrow(new RegExp(`^${name}: must use https://`));
      for (const fine of ["https://hooks.example.com/in", "http://127.0.0.1:9000/in", "http://localhost/in", "http://[::1]:8080/in"])
        expect(() => read(fine)).not.toThrow();
      expect(read("http://hooks.example.com/in", { ALLOW_INSECURE_URLS: "true" }).allowInsecureUrls).toBe(true);
      expect(() => read("http://hooks.example.com/in", { ALLOW_INSECURE_URLS: "yes" })).toThrow(/ALLOW_INSECURE_URLS/);
    },
  );

  it("DATABASE_URL with an unknown scheme is a configuration error that does not echo the password", () => {
    const attempt = () => readConfig({ DATABASE_URL: "postgresx://user:s3cret-pass@db.example/verify" });
    expect(attempt).toThrow(/^DATABASE_URL: has an unknown scheme "postgresx:"/);
    expect(() => attempt()).not.toThrow(/s3cret-pass/);
    expect(readConfig({ DATABASE_URL: "sqlite:./data/x.db" }).database).toMatchObject({ kind: "sqlite" });
    expect(readConfig({ DATABASE_URL: "./data/x.db" }).database).toMatchObject({ kind: "sqlite" });
    expect(readConfig({ DATABASE_URL: "postgres://user:pw@db.example/verify" }).database).toMatchObject({ kind: "postgres" });
    expect(() => readConfig({ WEBHOOK_URL: "ftp://user:t0ken-value@hooks.example/in", WEBHOOK_SECRET: SECRET })).toThrow(
      /^WEBHOOK_URL: must be an http\(s\) URL$/,
    );
  });
});

describe("TRUSTED_PROXIES (issue 28 §4)", () => {
  it("takes IP addresses only: a name would be resolved to who knows what", () => {
    expect(readConfig({ TRUSTED_PROXIES: "172.28.0.10, ::1" }).trustedProxies).toEqual(["172.28.0.10", "::1"]);
    expect(readConfig({}).trustedProxies).toEqual([]);
    expect(() => readConfig({ TRUSTED_PROXIES: "webhooks" })).toThrow(/^TRUSTED_PROXIES: must list IP addresses/);
  });
});

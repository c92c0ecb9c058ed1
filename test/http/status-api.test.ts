import { mkdtempSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_WEB_SERVER_LIMITS, startWebServer } from "../../adapters/http/web-server.js";
import { applicationRoutes } from "../../src/app/web-parts.js";
import { readConfig } from "../../src/runtime/config.js";
import { AssistantProcess, runCli, testEnv } from "../helpers/child-process.js";
import { freePort } from "../helpers/free-port.js";
import { createHarness, type Harness, submitWithPhone } from "../helpers/harness.js";
import { TESTED_DIALECTS } from "../helpers/test-databases.js";

const TOKEN = "test-token-0123456789abcdef";
const OTHER = "other-token-0123456789abcdef";

describe.each(TESTED_DIALECTS)("the status API on %s", (dialect) => {
  let harness: Harness;
  let server: Server;
  let base: string;
  let reference: string;
  beforeAll(async () => {
    harness = await createHarness({ dialect });
    reference = await submitWithPhone(harness, "alice");
    const config = readConfig({ API_TOKENS: `${OTHER},${TOKEN}` });
    const started = await startWebServer(0, new Map(applicationRoutes(config, harness)), DEFAULT_WEB_SERVER_LIMITS);
    server = started.server;
    base = `http://127.0.0.1:${started.port}/api/v1`;
  }, 30_000);
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await harness.close();
  });

  const get = (path: string, token: string | null = TOKEN) =>
    fetch(`${base}${path}`, token ? { headers: { authorization: `Bearer ${token}` } } : {});

  it("answers a user's verification with the JSON of cli status --json, and no personal data", async () => {
    const response = await get("/verifications/console/alice");
    expect(response.status).toBe(200);
    const body = await response.json();
    const env = testEnv(harness.dir, harness.database.kind === "postgres" ? { DATABASE_URL: harness.database.url } : {});
    expect(body).toEqual(JSON.parse(runCli(["status", "console", "alice", "--json"], env).stdout));
    expect(body).toMatchObject({ platform: "console", user: "alice", verified: false, application: { reference, status: "submitted" } });
    expect(JSON.stringify(body)).not.toMatch(/张三|alice@example|13812348000/);
  });

  it("answers an application by reference, naming whose it is", async () => {
    const response = await get(`/applications/${reference}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ reference, platform: "console", user: "alice", status: "submitted", method: "phone" });
  });

  it("401 without a token or with a wrong one; 400 for a platform that isn't one; 404 for the unknown", async () => {
    expect((await get("/verifications/console/alice", null)).status).toBe(401);
    const wrong = await get("/verifications/console/alice", "not-the-token-0123456789abcdef");
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect((await get("/verifications/console/alice", OTHER)).status).toBe(200); // any listed token
    expect((await get("/verifications/myspace/alice")).status).toBe(400);
    expect((await get("/verifications/console/nobody")).status).toBe(404);
    expect((await get("/applications/ZZZZ-ZZZZ")).status).toBe(404);
    expect(
      (await fetch(`${base}/verifications/console/alice`, { method: "POST", headers: { authorization: `Bearer ${TOKEN}` } })).status,
    ).toBe(405);
  });
});

describe("npm start with API_TOKENS and no platform tokens", () => {
  it("serves the status API beside the console chat", async () => {
    const dir = mkdtempSync(join(tmpdir(), "assistant-api-"));
    const port = await freePort();
    const assistant = new AssistantProcess(testEnv(dir, { API_TOKENS: TOKEN, PORT: String(port) }));
    try {
      // As the other tests that start `npm start` allow: a start on a loaded 2-core machine (one CI run: 30 s) is not a failure.
      await assistant.waitForStderr(/web server listening/, 0, 60_000);
      const response = await fetch(`http://127.0.0.1:${port}/api/v1/verifications/console/alice`, {
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      expect(response.status).toBe(404); // nobody has chatted yet: the API answers from the console's store
      expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
    } finally {
      await assistant.kill("SIGTERM");
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});

describe("API_TOKENS", () => {
  it("refuses short tokens, naming the variable", () => {
    expect(() => readConfig({ API_TOKENS: "short" })).toThrow(/^API_TOKENS: /);
    expect(readConfig({}).apiTokens).toEqual([]);
  });
});

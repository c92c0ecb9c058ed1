import { readFileSync } from "node:fs";
import { connect } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WebServer } from "../../adapters/http/web-server.js";
import { readiness } from "../../src/app/readiness.js";
import { applicationRoutes, serveWebParts } from "../../src/app/web-parts.js";
import { readConfig } from "../../src/runtime/config.js";
import { Dependencies } from "../../src/runtime/dependencies.js";
import { createLogger } from "../../src/runtime/logger.js";
import { freePort } from "../helpers/free-port.js";
import { createHarness, type Harness } from "../helpers/harness.js";

// Issue 28 §3: /metrics and /readyz's details are not reachable through a public route, a proxy's blind spot included.
const METRICS_TOKEN = "metrics-token-0123456789abcdef";
const API_TOKEN = "api-token-0123456789abcdefghij";

/** One raw request line as sent (fetch would normalise the path first); the status code answered. */
function rawStatus(port: number, target: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () =>
      socket.write(`GET ${target} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${METRICS_TOKEN}\r\nConnection: close\r\n\r\n`),
    );
    let reply = "";
    socket.on("data", (data) => (reply += data.toString()));
    socket.on("close", () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(reply)?.[1])));
    socket.on("error", reject);
  });
}

let harness: Harness;
const servers: WebServer[] = [];
beforeAll(async () => {
  harness = await createHarness();
});
afterAll(async () => {
  for (const server of servers) await server.stop();
  await harness.close();
});

/** The web server as `npm start` runs it beside the status API, with these settings. */
async function serve(settings: Record<string, string>): Promise<number> {
  const port = await freePort();
  const config = readConfig({ PORT: String(port), API_TOKENS: API_TOKEN, ...settings });
  const check = () => readiness(harness.store, false, new Dependencies(createLogger("silent")));
  servers.push(await serveWebParts(config, new Map(applicationRoutes(config, harness)), check, createLogger("silent")));
  return port;
}

describe("the web server routes on the raw path", () => {
  it("404 for every path that normalisation would turn into /metrics; the exact path still serves", async () => {
    const port = await serve({ METRICS_TOKEN });
    expect(await rawStatus(port, "/metrics")).toBe(200);
    for (const sneaky of ["/x\\..\\metrics", "/x/../metrics", "/./metrics", "/%2e%2e/metrics", "/api/v1/../../metrics", "//metrics/."])
      expect(await rawStatus(port, sneaky), sneaky).toBe(404);
    expect(await rawStatus(port, "/api/v1/../v1/applications/VA-0000-0000")).toBe(404);
    expect(await rawStatus(port, "http://x/metrics")).toBe(404); // absolute-form: not a path
  });
});

describe("METRICS_TOKEN guards /metrics and /readyz's details", () => {
  it("without it, beside a public route: /metrics is not served and /readyz says only ready", async () => {
    const port = await serve({});
    expect((await fetch(`http://127.0.0.1:${port}/metrics`)).status).toBe(404);
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready" });
  });

  it("with it: /readyz gives its details only to a request that sends it", async () => {
    const port = await serve({ METRICS_TOKEN });
    expect(await (await fetch(`http://127.0.0.1:${port}/readyz`)).json()).toEqual({ status: "ready" });
    const detailed = await fetch(`http://127.0.0.1:${port}/readyz`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(Object.keys((await detailed.json()) as object).length).toBeGreaterThan(1);
  });
});

describe("deploy/nginx.conf", () => {
  const conf = readFileSync(join(import.meta.dirname, "..", "..", "deploy", "nginx.conf"), "utf8");
  const locations = [...conf.matchAll(/location\s+(=|\^~)?\s*(\S+)\s*\{([^}]*)\}/g)].map(([, modifier, path, body]) => ({
    modifier: modifier ?? "",
    path: path!,
    proxied: /proxy_pass/.test(body!),
  }));

  it("forwards an allow-list only: the Telegram webhook, /slack/events and /api/v1/; everything else is 404", () => {
    expect(locations.filter((l) => l.proxied).map((l) => `${l.modifier} ${l.path}`)).toEqual([
      "= /telegram",
      "= /slack/events",
      "^~ /api/v1/",
    ]);
    expect(locations.find((l) => l.path === "/")).toMatchObject({ modifier: "", proxied: false });
    expect(conf).toMatch(/location \/ \{\s*return 404;/);
  });
});

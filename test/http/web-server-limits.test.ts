import type { Server } from "node:http";
import { connect, type Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_WEB_SERVER_LIMITS, startWebServer, type WebServerLimits } from "../../adapters/http/web-server.js";
import { signedOnly } from "../../adapters/slack/signed-requests.js";

let server: Server | undefined;
afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

/** A route that records whether it ran and reads the whole body. */
function recordingRoute() {
  const seen: number[] = [];
  const handler = (request: import("node:http").IncomingMessage, response: import("node:http").ServerResponse) => {
    let bytes = 0;
    request.on("data", (chunk: Buffer) => (bytes += chunk.length));
    request.on("end", () => {
      seen.push(bytes);
      response.writeHead(200).end("ok");
    });
  };
  return { seen, handler };
}

async function start(
  routes: Map<string, Parameters<typeof startWebServer>[1] extends ReadonlyMap<string, infer H> ? H : never>,
  limits?: Partial<WebServerLimits>,
) {
  const started = await startWebServer(0, routes, { ...DEFAULT_WEB_SERVER_LIMITS, ...limits });
  server = started.server;
  return started.port;
}

/** Raw bytes over a socket: resolves with everything the server sent once it closes the connection (or after `waitMs`). */
function raw(port: number, chunks: string[], waitMs = 3_000): Promise<{ reply: string; closed: boolean; afterMs: number }> {
  return new Promise((resolve) => {
    const started = Date.now();
    const socket: Socket = connect(port, "127.0.0.1", () => {
      for (const chunk of chunks) socket.write(chunk);
    });
    let reply = "";
    socket.on("data", (data) => (reply += data.toString()));
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ reply, closed: false, afterMs: Date.now() - started });
    }, waitMs);
    socket.on("close", () => {
      clearTimeout(timer);
      resolve({ reply, closed: true, afterMs: Date.now() - started });
    });
    socket.on("error", () => undefined);
  });
}

describe("the web server's limits", () => {
  it("413 for a body declared over 1 MB, before any handler reads it; the handler never runs", async () => {
    const route = recordingRoute();
    const port = await start(new Map([["/hook", route.handler]]));
    const { reply, closed } = await raw(port, [`POST /hook HTTP/1.1\r\nHost: x\r\nContent-Length: ${3_900_000}\r\n\r\n`, "x".repeat(1000)]);
    expect(reply).toMatch(/^HTTP\/1\.1 413/);
    expect(closed).toBe(true);
    expect(route.seen).toEqual([]);
    // Within the limit the same route works.
    const small = await fetch(`http://127.0.0.1:${port}/hook`, { method: "POST", body: "x".repeat(1000) });
    expect(small.status).toBe(200);
    expect(route.seen).toEqual([1000]);
  });

  it("411 for a body of undeclared length (chunked)", async () => {
    const route = recordingRoute();
    const port = await start(new Map([["/hook", route.handler]]));
    const { reply } = await raw(port, ["POST /hook HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n"]);
    expect(reply).toMatch(/^HTTP\/1\.1 411/);
    expect(route.seen).toEqual([]);
  });

  it("cuts off a client that drips its headers, and one that drips its body", async () => {
    const port = await start(new Map([["/hook", recordingRoute().handler]]), { headersTimeoutMs: 500, requestTimeoutMs: 1_000 });
    const headers = await raw(port, ["POST /hook HTTP/1.1\r\nHost: x\r\n"], 5_000);
    expect(headers.closed).toBe(true);
    expect(headers.afterMs).toBeLessThan(4_000);
    const body = await raw(port, ["POST /hook HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nabc"], 5_000);
    expect(body.closed).toBe(true);
    expect(body.reply).toMatch(/^HTTP\/1\.1 408/);
  });

  it("refuses connections over the cap", async () => {
    const port = await start(new Map(), { maxConnections: 2 });
    const open = [connect(port, "127.0.0.1"), connect(port, "127.0.0.1")];
    await new Promise((resolve) => setTimeout(resolve, 200));
    const third = await raw(port, [], 2_000);
    expect(third.closed).toBe(true);
    for (const socket of open) socket.destroy();
  });

  it("/slack/events without Slack's signature headers: 401 before the body is read", async () => {
    const route = recordingRoute();
    const port = await start(new Map([["/slack/events", signedOnly(route.handler)]]));
    // 500 KB announced, none sent: the answer must not wait for it.
    const { reply, afterMs } = await raw(port, ["POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Length: 500000\r\n\r\n"]);
    expect(reply).toMatch(/^HTTP\/1\.1 401/);
    expect(afterMs).toBeLessThan(2_000);
    expect(route.seen).toEqual([]);
  });
});

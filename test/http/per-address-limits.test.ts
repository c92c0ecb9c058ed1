import type { Server } from "node:http";
import { connect, type Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_WEB_SERVER_LIMITS, startWebServer, type WebServerLimits } from "../../adapters/http/web-server.js";

// Issue 28 §4: one client address cannot exhaust the server. The loopback range gives the test distinct
// addresses (127.0.0.2, 127.0.0.3 …); only 127.0.0.1 and ::1 are exempt, for local health checks.
let server: Server | undefined;
const sockets: Socket[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
});

async function start(limits: Partial<WebServerLimits> = {}): Promise<number> {
  const webhook = (_request: unknown, response: import("node:http").ServerResponse) => response.writeHead(200).end("ok");
  const started = await startWebServer(0, new Map([["/telegram", webhook]]), { ...DEFAULT_WEB_SERVER_LIMITS, ...limits });
  server = started.server;
  return started.port;
}

/** A socket from `from` that connects and says nothing; resolves once connected, with whether the server kept it. */
function hold(port: number, from: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host: "127.0.0.1", localAddress: from }, () => resolve(socket));
    socket.on("error", () => undefined);
    socket.once("error", reject);
    sockets.push(socket);
  });
}

/** One raw request from `from`; the status code answered (0 when the connection was closed unanswered). */
function request(port: number, from: string, line: string): Promise<number> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: "127.0.0.1", localAddress: from }, () =>
      socket.write(`${line} HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`),
    );
    let reply = "";
    socket.on("data", (data) => (reply += data.toString()));
    socket.on("close", () => {
      if (reply.startsWith("HTTP/1.1 429")) lastReply = reply;
      resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(reply)?.[1] ?? 0));
    });
    socket.on("error", () => undefined);
  });
}
/** The last 429 answered, headers and all. */
let lastReply = "";

const stillOpen = (socket: Socket) => !socket.destroyed && socket.readyState === "open";

describe("per-address limits of the web server", () => {
  it("one address holding 256 connections does not stop a second address's webhook, nor a loopback health check", async () => {
    const port = await start();
    const held = await Promise.all(Array.from({ length: 256 }, () => hold(port, "127.0.0.2")));
    await new Promise((resolve) => setTimeout(resolve, 300)); // the server closes what is over the share
    expect(held.filter(stillOpen).length).toBe(DEFAULT_WEB_SERVER_LIMITS.connectionsPerAddress);
    expect(await request(port, "127.0.0.3", "POST /telegram")).toBe(200);
    expect(await request(port, "127.0.0.1", "GET /healthz")).toBe(200);
  });

  it("one address over its request rate gets 429 with Retry-After; another address is served meanwhile", async () => {
    // A slow refill, so that however long the rounds take on a busy machine, well over the burst is refused.
    const burst = 100;
    const port = await start({ requestBurst: burst, requestsPerSecond: 5 });
    const answers: number[] = [];
    // In rounds of 50 at once (within the address's share of connections), as fast as they are answered.
    for (let round = 0; round < (burst + 100) / 50; round++)
      answers.push(...(await Promise.all(Array.from({ length: 50 }, () => request(port, "127.0.0.4", "POST /telegram")))));
    expect(answers.filter((status) => status === 200).length).toBeGreaterThanOrEqual(burst);
    expect(answers.filter((status) => status === 429).length).toBeGreaterThanOrEqual(50);
    expect(answers.every((status) => status === 200 || status === 429)).toBe(true);
    expect(lastReply).toMatch(/^HTTP\/1\.1 429[\s\S]*retry-after: 1/i);
    expect(await request(port, "127.0.0.5", "POST /telegram")).toBe(200);
    // Loopback is exempt: a local health checker polling hard is never refused.
    const local = await Promise.all(Array.from({ length: burst + 50 }, () => request(port, "127.0.0.1", "GET /healthz")));
    expect(local.every((status) => status === 200)).toBe(true);
  });
});

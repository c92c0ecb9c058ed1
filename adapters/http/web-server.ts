import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { AddressGuard, LOOPBACK, type PerAddressLimits } from "./per-address-limits.js";

export type RequestHandler = (request: IncomingMessage, response: ServerResponse) => unknown;

/** A started chat platform: in webhook mode, the handler to mount at its path; stop() finishes the work in hand. */
export interface RunningPlatform {
  webhook?: { path: string; handler: RequestHandler };
  stop(): Promise<void>;
}

/** What a slow, large or crowded client may take from the server before it is cut off. */
export interface WebServerLimits extends PerAddressLimits {
  /** All headers must arrive within this time. */
  headersTimeoutMs: number;
  /** The whole request (headers and body) must arrive within this time. */
  requestTimeoutMs: number;
  /** An idle kept-alive connection is closed after this time. */
  keepAliveTimeoutMs: number;
  /** Connections open at once; more are refused. */
  maxConnections: number;
  /** Larger bodies get 413 before any handler reads, parses or verifies them. */
  maxBodyBytes: number;
}

export const DEFAULT_WEB_SERVER_LIMITS: Readonly<WebServerLimits> = Object.freeze({
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  maxConnections: 256,
  maxBodyBytes: 1024 * 1024,
  // Telegram opens up to 100 connections at once (TELEGRAM_WEBHOOK_MAX_CONNECTIONS): never refused.
  connectionsPerAddress: 100,
  requestsPerSecond: 100,
  requestBurst: 300,
  exempt: LOOPBACK,
});

/** `GET /readyz`: whether this instance can serve (its database answers, its migrations are applied). */
export type ReadinessCheck = () => Promise<{ ready: boolean; detail: Record<string, unknown> }>;

/** The one HTTP server of the process, and how to stop it. */
export interface WebServer {
  server: Server;
  port: number;
  /**
   * Stops taking requests and resolves once every one in hand is answered and its connection closed.
   * A request arriving meanwhile, on a connection already open, is answered 503 (a platform delivers its
   * update again). Node's own `close()` leaves a connection that was busy to wait out its keep-alive
   * (seconds, on either side) after its answer; here it closes with the answer.
   */
  stop(): Promise<void>;
}

/** Seconds a client refused during a stop is asked to wait: time for another instance, or this one restarted. */
const STOPPING_RETRY_AFTER_SECONDS = 5;

/** How long `/readyz` waits for its check before answering 503: a load balancer must not hang on it. */
const READINESS_TIMEOUT_MS = 2_000;

/**
 * The one HTTP server of the process (webhooks of every platform share
 * `PORT`): exact paths to handlers (a path ending in "/" also serves the paths below it), `GET /healthz` (the process is up) and
 * `GET /readyz` (it can serve: 200, or 503; the reasons only to a request `readinessDetail` accepts) for load
 * balancers and orchestrators, 404 for anything else. Routing is on the raw path as sent: a path that
 * URL normalisation would change (`\`, `.` or `..` segments, characters it escapes) is 404 — a proxy
 * in front that does not normalise the same way cannot be walked around (`/x\..\metrics`). Nothing reaches a handler that is over the limits:
 * a body must declare its length (411 otherwise; Telegram and Slack always
 * do) and be at most `maxBodyBytes` (413), so an unsigned multi-megabyte body
 * is never read, and slow clients are cut off by the timeouts. One address holds at most its share of
 * the connections and sends at most its rate of requests (429 past it); loopback is exempt.
 */
export async function startWebServer(
  port: number,
  routes: ReadonlyMap<string, RequestHandler>,
  limits: Readonly<WebServerLimits> = DEFAULT_WEB_SERVER_LIMITS,
  readiness?: ReadinessCheck,
  readinessDetail: (request: IncomingMessage) => boolean = () => false,
): Promise<WebServer> {
  // Node checks the timeouts only this often (30 s by default): often enough that they mean what they say.
  const connectionsCheckingInterval = Math.min(1_000, limits.headersTimeoutMs / 2);
  const guard = new AddressGuard(limits);
  let stopping = false;
  const inHand = new Set<ServerResponse>();
  const server = createServer({ connectionsCheckingInterval }, (request, response) => {
    if (stopping) {
      response.writeHead(503, { "retry-after": String(STOPPING_RETRY_AFTER_SECONDS), connection: "close" }).end();
      return;
    }
    inHand.add(response);
    response.once("close", () => inHand.delete(response));
    if (!guard.request(request.socket.remoteAddress)) {
      response.writeHead(429, { "retry-after": "1", connection: "close" }).end();
      return;
    }
    const path = rawPath(request.url);
    if (path === undefined) {
      response.writeHead(404).end();
      return;
    }
    if (path === "/healthz" && request.method === "GET") {
      response.writeHead(200, { "content-type": "text/plain" }).end("ok\n");
      return;
    }
    if (path === "/readyz" && request.method === "GET" && readiness) {
      void answerReadiness(response, readiness, readinessDetail(request));
      return;
    }
    const handler = routes.get(path) ?? prefixRoute(routes, path);
    if (!handler) {
      response.writeHead(404).end();
      return;
    }
    const refusal = bodyRefusal(request, limits.maxBodyBytes);
    if (refusal) {
      // Closing the connection too: the unread body must not be taken for the next request.
      response.writeHead(refusal, { connection: "close" }).end();
      return;
    }
    Promise.resolve(handler(request, response)).catch(() => {
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
  server.headersTimeout = limits.headersTimeoutMs;
  server.requestTimeout = limits.requestTimeoutMs;
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  server.maxConnections = limits.maxConnections;
  server.on("connection", (socket: Socket) => {
    const address = socket.remoteAddress;
    if (!guard.connect(address)) return void socket.destroy();
    socket.once("close", () => guard.disconnect(address));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, () => resolve());
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      stopping = true;
      server.close(() => resolve()); // closes the idle connections at once
      for (const response of inHand) {
        if (!response.headersSent) response.setHeader("connection", "close");
        else response.once("finish", () => setImmediate(() => server.closeIdleConnections()));
      }
    });
  return { server, port: (server.address() as AddressInfo).port, stop };
}

/** The path exactly as sent, or undefined when URL normalisation would read it as another path. */
function rawPath(target: string | undefined): string | undefined {
  const path = (target ?? "/").split("?", 1)[0]!;
  if (!path.startsWith("/")) return undefined;
  return new URL(path, "http://localhost").pathname === path ? path : undefined;
}

/** 411 for a body of undeclared length, 413 for one declared over the limit; null when the body may be read. */
function bodyRefusal(request: IncomingMessage, maxBodyBytes: number): 411 | 413 | null {
  const declared = request.headers["content-length"];
  if (declared === undefined) return request.headers["transfer-encoding"] ? 411 : null;
  const length = Number(declared);
  return Number.isSafeInteger(length) && length <= maxBodyBytes ? null : 413;
}

/** A route whose key ends in "/" serves every path below it (the status API's). */
function prefixRoute(routes: ReadonlyMap<string, RequestHandler>, path: string): RequestHandler | undefined {
  for (const [key, handler] of routes) if (key.endsWith("/") && path.startsWith(key)) return handler;
  return undefined;
}

async function answerReadiness(response: ServerResponse, readiness: ReadinessCheck, withDetail: boolean): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<{ ready: boolean; detail: Record<string, unknown> }>((resolve) => {
    timer = setTimeout(() => resolve({ ready: false, detail: { check: "timed out" } }), READINESS_TIMEOUT_MS);
  });
  const result = await Promise.race([readiness().catch(() => ({ ready: false, detail: { check: "failed" } })), timedOut]);
  clearTimeout(timer);
  response
    .writeHead(result.ready ? 200 : 503, { "content-type": "application/json" })
    .end(JSON.stringify({ status: result.ready ? "ready" : "not_ready", ...(withDetail ? result.detail : {}) }));
}

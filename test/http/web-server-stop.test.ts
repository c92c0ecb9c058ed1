import type { IncomingMessage, ServerResponse } from "node:http";
import { connect } from "node:net";
import { describe, expect, it } from "vitest";
import { DEFAULT_WEB_SERVER_LIMITS, startWebServer } from "../../adapters/http/web-server.js";
import { until } from "../helpers/until.js";

/** Keep-alive far longer than any test: a stop that waited for it would time the test out. */
const LIMITS = { ...DEFAULT_WEB_SERVER_LIMITS, keepAliveTimeoutMs: 120_000 };

/** A route that answers 200 only when told to. */
function heldRoute() {
  const held: Array<() => void> = [];
  const handler = (_request: IncomingMessage, response: ServerResponse) => {
    held.push(() => response.writeHead(200, { "content-type": "text/plain" }).end("done"));
  };
  return { held, handler };
}

/** A kept-alive connection: what the server sent on it so far, and whether it closed. */
function openConnection(port: number) {
  const connection = { received: "", closed: false, socket: connect(port, "127.0.0.1") };
  connection.socket.on("data", (data) => (connection.received += data.toString()));
  connection.socket.on("close", () => (connection.closed = true));
  connection.socket.on("error", () => undefined);
  return connection;
}

const request = (path: string) => `POST ${path} HTTP/1.1\r\nhost: x\r\nconnection: keep-alive\r\ncontent-length: 2\r\n\r\n{}`;

describe("stopping the web server", () => {
  it("finishes the requests in hand, closes their kept-alive connections with the answer and refuses new ones", async () => {
    const route = heldRoute();
    const { port, stop } = await startWebServer(0, new Map([["/hook", route.handler]]), LIMITS);
    const busy = openConnection(port);
    busy.socket.write(request("/hook"));
    const idle = openConnection(port);
    idle.socket.write("GET /healthz HTTP/1.1\r\nhost: x\r\nconnection: keep-alive\r\n\r\n");
    await until(() => route.held.length === 1 && idle.received.includes("ok"));

    let stopped = false;
    const stopping = stop().then(() => (stopped = true));
    await until(() => idle.closed); // idle: closed at once
    expect(stopped).toBe(false); // a request is still in hand
    await new Promise((resolve, reject) => connect(port, "127.0.0.1").on("connect", reject).on("error", resolve)); // no new connections

    route.held[0]!();
    await stopping; // not the two minutes of keep-alive
    await until(() => busy.closed);
    expect(busy.received).toMatch(/^HTTP\/1\.1 200 .*\r\nconnection: close\r\n.*done/is);
  });

  it("answers 503 to a request that arrives on an open connection during the stop (its platform delivers it again)", async () => {
    const route = heldRoute();
    const { port, stop } = await startWebServer(0, new Map([["/hook", route.handler]]), LIMITS);
    const connection = openConnection(port);
    connection.socket.write(request("/hook"));
    await until(() => route.held.length === 1);
    const stopping = stop();
    connection.socket.write(request("/hook")); // pipelined behind the one in hand
    route.held[0]!();
    await stopping;
    await until(() => connection.closed);
    expect(route.held).toHaveLength(1); // the second never reached the route
    const answers = connection.received.match(/^HTTP\/1\.1 \d+/gm);
    expect(answers?.[0]).toBe("HTTP/1.1 200");
    expect(answers?.slice(1).every((answer) => answer === "HTTP/1.1 503")).toBe(true);
  });
});

import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type RequestHandler = (request: IncomingMessage, response: ServerResponse) => unknown;

/** A started chat platform: in webhook mode, the handler to mount at its path; stop() finishes the work in hand. */
export interface RunningPlatform {
  webhook?: { path: string; handler: RequestHandler };
  stop(): Promise<void>;
}

/**
 * The one HTTP server of the process (webhooks of every platform share
 * `PORT`): exact paths to handlers, `GET /healthz` for load balancers,
 * 404 for anything else.
 */
export async function startWebServer(port: number, routes: ReadonlyMap<string, RequestHandler>): Promise<{ server: Server; port: number }> {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
    if (path === "/healthz" && request.method === "GET") {
      response.writeHead(200, { "content-type": "text/plain" }).end("ok\n");
      return;
    }
    const handler = routes.get(path);
    if (!handler) {
      response.writeHead(404).end();
      return;
    }
    Promise.resolve(handler(request, response)).catch(() => {
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, () => resolve());
  });
  return { server, port: (server.address() as AddressInfo).port };
}

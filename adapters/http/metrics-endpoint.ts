import type { IncomingMessage, ServerResponse } from "node:http";
import { bearerCheck } from "./bearer-token.js";

export const METRICS_PATH = "/metrics";

/**
 * `GET /metrics` in the Prometheus text format. With `token` (`METRICS_TOKEN`) a scraper must send
 * it as `Authorization: Bearer <token>` (401 otherwise); without, the endpoint is open — keep `PORT`
 * off the internet then, or route only the webhook paths to it.
 */
export function metricsEndpoint(token: string | undefined, scrape: () => Promise<{ contentType: string; body: string }>) {
  const authorised = token ? bearerCheck([token]) : () => true;
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    if (request.method !== "GET") return void response.writeHead(405, { allow: "GET" }).end();
    if (!authorised(request)) return void response.writeHead(401, { "www-authenticate": 'Bearer realm="metrics"' }).end();
    const { contentType, body } = await scrape();
    response.writeHead(200, { "content-type": contentType, "cache-control": "no-store" }).end(body);
  };
}

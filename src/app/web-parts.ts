import { bearerCheck } from "../../adapters/http/bearer-token.js";
import { METRICS_PATH, metricsEndpoint } from "../../adapters/http/metrics-endpoint.js";
import { LOOPBACK } from "../../adapters/http/per-address-limits.js";
import { STATUS_API_PREFIX, statusApi } from "../../adapters/http/status-api.js";
import {
  DEFAULT_WEB_SERVER_LIMITS,
  type ReadinessCheck,
  type RequestHandler,
  startWebServer,
  type WebServer,
} from "../../adapters/http/web-server.js";
import { applicationStatus, verificationStatus } from "../applications/status-views.js";
import { localDate } from "../domain/business-days.js";
import type { Config } from "../runtime/config.js";
import type { Logger } from "../runtime/logger.js";
import type { Assistant } from "./assistant.js";

/**
 * The application's own web routes: the status API when `API_TOKENS` lists tokens; `/metrics` only
 * with `METRICS_TOKEN` — the web server always serves something public (a platform webhook, the API),
 * so the counters are never open to whoever reaches it.
 */
export function applicationRoutes(
  config: Readonly<Config>,
  assistant: Pick<Assistant, "store" | "prometheus">,
): Array<[string, RequestHandler]> {
  const routes: Array<[string, RequestHandler]> = [];
  if (config.apiTokens.length > 0) {
    const api = statusApi(config.apiTokens, {
      verification: (platform, user) => verificationStatus(assistant.store, platform, user, localDate(new Date(), config.timeZone)),
      application: (reference) => applicationStatus(assistant.store, reference),
    });
    routes.push([STATUS_API_PREFIX, api]);
  }
  if (config.metricsToken) routes.push([METRICS_PATH, metricsEndpoint(config.metricsToken, () => assistant.prometheus.scrape())]);
  return routes;
}

/** Whether the platforms need the web server: a platform webhook, the status API or `METRICS_TOKEN`. */
export function webServerNeeded(config: Readonly<Config>): boolean {
  return (
    Boolean(config.telegram?.webhook) ||
    Boolean(config.slack && !config.slack.appToken) ||
    config.apiTokens.length > 0 ||
    config.metricsToken !== undefined
  );
}

/**
 * The web server on `PORT` (platform webhooks, the status API, `/metrics`), with `/healthz` and
 * `/readyz`. `routes` is read per request: a platform's webhook is mounted once it has started, and
 * `/readyz` says what the start is waiting for meanwhile — to a request with `METRICS_TOKEN`; to
 * anyone else only ready or not ready.
 */
export async function serveWebParts(
  config: Readonly<Config>,
  routes: ReadonlyMap<string, RequestHandler>,
  readiness: ReadinessCheck,
  logger: Logger,
): Promise<WebServer> {
  const detail = config.metricsToken ? bearerCheck([config.metricsToken]) : () => false;
  const limits = { ...DEFAULT_WEB_SERVER_LIMITS, exempt: [...LOOPBACK, ...config.trustedProxies] };
  const server = await startWebServer(config.port, routes, limits, readiness, detail);
  logger.info({ port: config.port }, "web server listening");
  if (!config.metricsToken) logger.info("METRICS_TOKEN is not set: /metrics is not served and /readyz answers only ready or not ready");
  return server;
}

import type { RunningPlatform } from "../../adapters/http/web-server.js";
import { createSlackApp } from "../../adapters/slack/slack-app.js";
import { checkSlackApi, isSlackRefusal } from "../../adapters/slack/slack-reachability.js";
import { findUserRecord, findWaitingSupport } from "../applications/user-records.js";
import { homeContent } from "../chat/home.js";
import { localDate } from "../domain/business-days.js";
import type { Config } from "../runtime/config.js";
import type { SlackConfig } from "../runtime/platform-config.js";
import { adapterOptions, type PlatformParts } from "./platform-parts.js";

/** Builds and starts the Slack adapter: Socket Mode connects now; HTTP mode hands its handler to the web server. */
export async function startSlack(slack: SlackConfig, config: Readonly<Config>, parts: PlatformParts): Promise<RunningPlatform> {
  const { assistant, logger } = parts;
  await parts.dependencies.retryUntilReachable("slack", () => checkSlackApi(slack.token, slack.apiUrl, logger), isSlackRefusal);
  if (!slack.reviewChannel) logger.warn({ platform: "slack" }, "SLACK_REVIEW_CHANNEL is not set: review cards are not posted to Slack");
  const { app, httpHandler } = createSlackApp({
    ...adapterOptions(parts, config),
    token: slack.token,
    signingSecret: slack.signingSecret,
    ...(slack.appToken ? { appToken: slack.appToken } : {}),
    ...(slack.apiUrl ? { apiUrl: slack.apiUrl } : {}),
    homePage: async (userId) => {
      const record = await findUserRecord(assistant.store, "slack", userId, localDate(new Date(), config.timeZone));
      const waitingSupport = record ? await findWaitingSupport(assistant.store, "slack", userId) : null;
      return homeContent(record, { ...config, ...(waitingSupport ? { waitingSupport } : {}) });
    },
    reviewChannel: slack.reviewChannel,
  });
  if (httpHandler) {
    logger.info({ platform: "slack" }, "Slack app ready (HTTP at /slack/events)");
    return { webhook: { path: "/slack/events", handler: httpHandler }, stop: async () => undefined };
  }
  await app.start();
  logger.info({ platform: "slack" }, "Slack app ready (Socket Mode)");
  return { stop: () => app.stop().then(() => undefined) };
}

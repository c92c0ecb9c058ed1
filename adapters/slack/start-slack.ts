import type { Config, SlackConfig } from "../../src/config.js";
import { adapterOptions, type PlatformParts } from "../adapter-options.js";
import type { RunningPlatform } from "../http/web-server.js";
import { localDate } from "../../src/domain/business-days.js";
import { createSlackApp } from "./slack-app.js";

/** Builds and starts the Slack adapter: Socket Mode connects now; HTTP mode hands its handler to the web server. */
export async function startSlack(slack: SlackConfig, config: Readonly<Config>, parts: PlatformParts): Promise<RunningPlatform> {
  const { assistant, logger } = parts;
  if (!slack.reviewChannel) logger.warn({ platform: "slack" }, "SLACK_REVIEW_CHANNEL is not set: review cards are not posted to Slack");
  const { app, receiver } = createSlackApp({
    ...adapterOptions(parts, config),
    token: slack.token,
    signingSecret: slack.signingSecret,
    ...(slack.appToken ? { appToken: slack.appToken } : {}),
    ...(slack.apiUrl ? { apiUrl: slack.apiUrl } : {}),
    findUserRecord: (userId) => assistant.store.findUserRecord("slack", userId, localDate(new Date(), config.timeZone)),
    reviewChannel: slack.reviewChannel,
  });
  if (receiver) {
    logger.info({ platform: "slack" }, "Slack app ready (HTTP at /slack/events)");
    return { webhook: { path: "/slack/events", handler: receiver.requestListener }, stop: async () => undefined };
  }
  await app.start();
  logger.info({ platform: "slack" }, "Slack app ready (Socket Mode)");
  return { stop: () => app.stop().then(() => undefined) };
}

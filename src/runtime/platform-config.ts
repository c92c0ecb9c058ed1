import { type Env, list, number, oneOf, url, value } from "./env-values.js";
import { ConfigError } from "./errors.js";

/** The chat platforms' settings: each runs when its token is set. */

export interface SlackConfig {
  token: string;
  signingSecret: string;
  /** Set: Socket Mode (no public URL needed); unset: HTTP at `/slack/events` on `PORT`. */
  appToken: string | undefined;
  /** The Web API's base URL, ending in `/`; unset: Slack's own. */
  apiUrl: string | undefined;
  reviewChannel: string | undefined;
  reviewerIds: readonly string[];
}

export interface TelegramConfig {
  token: string;
  /** Bot API server: Telegram's, a self-hosted one, or a test emulator. */
  apiRoot: string;
  /**
   * Set: webhook mode (Telegram posts updates to this URL; `maxConnections` at once,
   * `TELEGRAM_WEBHOOK_MAX_CONNECTIONS`; `answers`: an update's last message travels in the answer,
   * `TELEGRAM_WEBHOOK_ANSWERS`); unset: long polling.
   */
  webhook: { url: string; secret: string; maxConnections: number; answers: boolean } | undefined;
  reviewChatId: string | undefined;
  reviewerIds: readonly string[];
}

/** `TELEGRAM_*`: unset token, no Telegram adapter. */
export function telegramConfig(env: Env): TelegramConfig | undefined {
  const token = value(env, "TELEGRAM_BOT_TOKEN");
  if (!token) return undefined;
  if (!/^\d+:[\w-]+$/.test(token))
    throw new ConfigError("TELEGRAM_BOT_TOKEN", "does not look like a bot token from @BotFather (123456:ABC-…)");
  const webhookUrl = url(env, "TELEGRAM_WEBHOOK_URL");
  const secret = value(env, "TELEGRAM_WEBHOOK_SECRET");
  if (webhookUrl && !secret)
    throw new ConfigError("TELEGRAM_WEBHOOK_SECRET", "is required with TELEGRAM_WEBHOOK_URL, so only Telegram can post updates");
  // Telegram accepts 1-256 characters A-Z, a-z, 0-9, _ and - as the secret token; a guessable one lets anyone post updates.
  if (secret && !/^[\w-]{24,256}$/.test(secret))
    throw new ConfigError("TELEGRAM_WEBHOOK_SECRET", "must be 24-256 characters of A-Z, a-z, 0-9, _ and - (e.g. openssl rand -hex 24)");
  const reviewChatId = value(env, "TELEGRAM_REVIEW_CHAT_ID");
  if (reviewChatId && !/^-?\d+$/.test(reviewChatId))
    throw new ConfigError("TELEGRAM_REVIEW_CHAT_ID", `must be a numeric chat id such as -1001234567890, got "${reviewChatId}"`);
  const reviewerIds = list(env, "TELEGRAM_REVIEWER_IDS") ?? [];
  const notNumeric = reviewerIds.find((id) => !/^\d+$/.test(id));
  if (notNumeric) throw new ConfigError("TELEGRAM_REVIEWER_IDS", `must be numeric Telegram user ids, got "${notNumeric}"`);
  return {
    token,
    apiRoot: (url(env, "TELEGRAM_API_ROOT") ?? "https://api.telegram.org").replace(/\/+$/, ""),
    webhook:
      webhookUrl && secret
        ? {
            url: webhookUrl,
            secret,
            maxConnections: number(env, "TELEGRAM_WEBHOOK_MAX_CONNECTIONS", 40, { min: 1, max: 100, integer: true }),
            answers: oneOf(env, "TELEGRAM_WEBHOOK_ANSWERS", ["on", "off"], "on") === "on",
          }
        : undefined,
    reviewChatId,
    reviewerIds,
  };
}

/** `SLACK_*`: unset token, no Slack adapter. */
export function slackConfig(env: Env): SlackConfig | undefined {
  const token = value(env, "SLACK_BOT_TOKEN");
  if (!token) return undefined;
  if (!token.startsWith("xoxb-"))
    throw new ConfigError("SLACK_BOT_TOKEN", "must be a bot token (xoxb-…) from the app's OAuth & Permissions page");
  const signingSecret = value(env, "SLACK_SIGNING_SECRET");
  if (!signingSecret)
    throw new ConfigError("SLACK_SIGNING_SECRET", "is required with SLACK_BOT_TOKEN (Basic Information → Signing Secret)");
  const appToken = value(env, "SLACK_APP_TOKEN");
  if (appToken && !appToken.startsWith("xapp-"))
    throw new ConfigError("SLACK_APP_TOKEN", "must be an app-level token (xapp-…) with connections:write");
  const apiUrl = url(env, "SLACK_API_URL");
  const reviewChannel = value(env, "SLACK_REVIEW_CHANNEL");
  if (reviewChannel && !/^[CG][A-Z0-9]+$/.test(reviewChannel))
    throw new ConfigError("SLACK_REVIEW_CHANNEL", `must be a channel id such as C0123456789, got "${reviewChannel}"`);
  const reviewerIds = list(env, "SLACK_REVIEWER_IDS") ?? [];
  const notMember = reviewerIds.find((id) => !/^[UW][A-Z0-9]+$/.test(id));
  if (notMember) throw new ConfigError("SLACK_REVIEWER_IDS", `must be Slack member ids such as U0123456789, got "${notMember}"`);
  return { token, signingSecret, appToken, apiUrl: apiUrl && (apiUrl.endsWith("/") ? apiUrl : `${apiUrl}/`), reviewChannel, reviewerIds };
}

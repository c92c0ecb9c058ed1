import { App, type BlockButtonAction, HTTPReceiver, type webApi } from "@slack/bolt";
import type { ChatEvent } from "../../src/chat/chat-event.js";
import type { Choice } from "../../src/domain/choice.js";
import type { Workspace } from "../../src/domain/platform.js";
import { localeFromTag } from "../../src/i18n/locale.js";
import { type Message, msg, translate } from "../../src/i18n/message.js";
import { REVIEW_ID_PATTERN } from "../../src/review/review-buttons.js";
import { reviewFormProblem } from "../../src/review/review-desk.js";
import { errorSummary } from "../../src/runtime/logger.js";
import type { AdapterOptions } from "../adapter-options.js";
import { dispatchChatEvent, downloadedFile } from "../chat-dispatch.js";
import type { RequestHandler } from "../http/web-server.js";
import { boltLogger } from "./bolt-logger.js";
import { signedOnly } from "./signed-requests.js";
import { VERIFY_COMMAND, verifyContent } from "./slack-commands.js";
import { SlackDelivery, type SlackInteraction } from "./slack-delivery.js";
import { downloadSlackFile, FileAccessError } from "./slack-files.js";
import { CHOICE_ACTION, FORM_BLOCKS, renderMessage } from "./slack-render.js";

export interface SlackAppOptions extends AdapterOptions {
  token: string;
  signingSecret: string;
  /** Set: Socket Mode (no public URL); unset: HTTP at `/slack/events`. */
  appToken?: string;
  /** The Web API's base URL (a proxy, or a fake in tests); Slack's own by default. */
  apiUrl?: string;
  /** How often the Web API client retries failed calls (tests: 0). */
  retries?: number;
  /** What the App Home page shows this user (their status, as /status tells it). */
  homePage(userId: string): Promise<{ body: Message[]; choices: Choice[] }>;
  reviewChannel: string | undefined;
}

const MAX_CACHED_LOCALES = 10_000;

export interface SlackApp {
  app: App;
  /** HTTP mode: the receiver, whose request handler is mounted at `/slack/events`. */
  receiver?: HTTPReceiver;
  /** HTTP mode: what to mount at `/slack/events`: the receiver's handler behind the signature-header check. */
  httpHandler?: RequestHandler;
}

/**
 * The Slack app: DMs, `/verify`, App Home, buttons and review modals →
 * chat events → engine → Block Kit replies. Every request is acknowledged
 * first (events by Bolt itself), then worked on.
 */
export function createSlackApp(options: SlackAppOptions): SlackApp {
  const { logger } = options;
  const clientOptions = {
    ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}),
    ...(options.retries !== undefined ? { retryConfig: { retries: options.retries } } : {}),
  };
  const receiver = options.appToken
    ? undefined
    : new HTTPReceiver({ signingSecret: options.signingSecret, endpoints: "/slack/events", logger: boltLogger(logger) });
  const app = new App({
    token: options.token,
    ...(receiver ? { receiver } : { socketMode: true, appToken: options.appToken!, signingSecret: options.signingSecret }),
    clientOptions,
    logger: boltLogger(logger),
  });
  const delivery = new SlackDelivery({ client: app.client, cards: options.cards, readDocument: options.readDocument, logger });
  options.outbound.register("slack", (to, reply) => delivery.send(to.chatId, reply));
  const people = new Map<string, { locale?: string; displayName?: string }>();

  /** Slack tells a user's locale and display name only through `users.info`; asked once per user per process. */
  async function personOf(client: webApi.WebClient, userId: string): Promise<{ locale?: string; displayName?: string }> {
    let person = people.get(userId);
    if (!person) {
      if (people.size >= MAX_CACHED_LOCALES) people.clear(); // a workspace's users, not an unbounded list
      const user = (await client.users.info({ user: userId, include_locale: true }).catch(() => undefined))?.user;
      const displayName = user?.profile?.display_name || user?.real_name || user?.name;
      person = { ...(user?.locale ? { locale: user.locale } : {}), ...(displayName ? { displayName } : {}) };
      people.set(userId, person);
    }
    return person;
  }

  async function base(client: webApi.WebClient, id: string, chatId: string, userId: string, workspace: Workspace | undefined) {
    const person = await personOf(client, userId);
    return { id, platform: "slack" as const, chatId, userId, ...person, ...(workspace ? { workspace } : {}) };
  }

  /** A review button pressed in the review channel belongs to the channel; anything else to the user's own chat. */
  const chatOf = (channelId: string | undefined, userId: string) => (channelId && channelId === options.reviewChannel ? channelId : userId);

  /**
   * Slack was answered before the work began and does not deliver the event again: a reply its
   * client could not send after its own retries (about half an hour) is logged by the dispatch.
   */
  async function handle(event: ChatEvent, interaction: SlackInteraction = {}): Promise<void> {
    await dispatchChatEvent(event, options, {
      platform: "slack",
      sendHere: (reply) =>
        reply.privately
          ? delivery.sendPrivately(event.userId, reply, interaction)
          : delivery.send(event.chatId, reply, { ...interaction, userId: event.userId }),
      apologise: (text) => app.client.chat.postMessage({ channel: event.chatId, text }).then(() => undefined),
    });
  }

  app.event("message", async ({ event, body, client }) => {
    // Direct messages from people only: no channel chatter, no bots (ourselves included), no edits or deletions.
    if (event.channel_type !== "im" || ("bot_id" in event && event.bot_id)) return;
    if (event.subtype !== undefined && event.subtype !== "file_share") return;
    const userId = "user" in event ? event.user : undefined;
    if (!userId) return;
    const eventBase = await base(client, body.event_id, userId, userId, workspaceOf(body.team_id, body.enterprise_id));
    const files = "files" in event ? (event.files ?? []) : [];
    if (files.length > 0) {
      await handle({ ...eventBase, kind: "file", file: await download(client, files[0]!.id, files[0]!.name ?? "file") });
      return;
    }
    const text = "text" in event ? (event.text ?? "") : "";
    await handle({ ...eventBase, kind: "text", text });
  });

  function download(client: webApi.WebClient, fileId: string, name: string) {
    return downloadedFile(name, () => downloadSlackFile(client, options.token, fileId, options.maxFileBytes), {
      ...options,
      platform: "slack",
      problemOf: (error) => (error instanceof FileAccessError ? { code: "no_access" } : null),
    });
  }

  app.event("app_home_opened", async ({ event, client }) => {
    if (event.tab !== "home") return;
    const locale = localeFromTag((await personOf(client, event.user)).locale, options.defaultLocale);
    const content = await options.homePage(event.user);
    await client.views.publish({ user_id: event.user, view: { type: "home", blocks: renderMessage({ locale, ...content }).blocks } });
  });

  app.command(VERIFY_COMMAND, async ({ command, ack, client }) => {
    await ack();
    if (!command.channel_id.startsWith("D")) {
      // The conversation lives in the DM; said where the command was typed.
      const locale = localeFromTag((await personOf(client, command.user_id)).locale, options.defaultLocale);
      await client.chat
        .postEphemeral({ channel: command.channel_id, user: command.user_id, text: translate(locale, msg("slack.continueInDm")) })
        .catch((error: unknown) => logger.warn({ platform: "slack", error: errorSummary(error) }, "ephemeral pointer to the DM failed"));
    }
    const eventBase = await base(
      client,
      `cmd.${command.trigger_id}`,
      command.user_id,
      command.user_id,
      workspaceOf(command.team_id, command.enterprise_id),
    );
    const content: ChatEvent = { ...eventBase, ...verifyContent(command.text) };
    await handle(content);
  });

  app.action<BlockButtonAction>(CHOICE_ACTION, async ({ ack, body, action, client }) => {
    await ack();
    const userId = body.user.id;
    const chatId = chatOf(body.channel?.id, userId);
    const eventBase = await base(
      client,
      `act.${body.trigger_id}`,
      chatId,
      userId,
      workspaceOf(body.user.team_id ?? body.team?.id, body.enterprise?.id),
    );
    const pressed = body.channel?.id && body.message?.ts ? { channel: body.channel.id, ts: body.message.ts } : undefined;
    await handle(
      { ...eventBase, kind: "choice", choice: action.value ?? "" },
      { ...(pressed ? { pressed } : {}), triggerId: body.trigger_id },
    );
  });

  app.view(REVIEW_ID_PATTERN, async ({ ack, body, view, client }) => {
    const values = view.state.values;
    const selected = (values[FORM_BLOCKS.options]?.value?.selected_options ?? []).map((option) => Number(option.value));
    const note = values[FORM_BLOCKS.note]?.value?.value ?? "";
    const problem = reviewFormProblem(selected);
    // Before the ack only what is at hand: the reviewer's locale was looked up when they pressed the button.
    const locale = localeFromTag(people.get(body.user.id)?.locale, options.defaultLocale);
    if (problem) {
      await ack({ response_action: "errors", errors: { [FORM_BLOCKS.options]: translate(locale, problem) } });
      return;
    }
    await ack();
    const { channel } = JSON.parse(view.private_metadata || "{}") as { channel?: string };
    const eventBase = await base(client, `view.${view.id}`, chatOf(channel, body.user.id), body.user.id, undefined);
    await handle({ ...eventBase, kind: "form", form: view.callback_id, selected, note });
  });

  // A modal or button this version does not know (left open across an upgrade, or forged): answered at once — the
  // modal closes — instead of Slack waiting 3 s for an answer no listener gives, then showing the person an error.
  app.view(/^(?!rv\.)/, async ({ ack }) => ack());
  app.action(/^(?!vc\.\d+$)/, async ({ ack }) => ack());

  app.error(async (error) => logger.error({ platform: "slack", error: errorSummary(error) }, "Slack request failed"));
  return receiver ? { app, receiver, httpHandler: signedOnly(receiver.requestListener) } : { app };
}

function workspaceOf(teamId: string | undefined, enterpriseId: string | undefined): Workspace | undefined {
  return teamId ? { teamId, ...(enterpriseId ? { enterpriseId } : {}) } : undefined;
}

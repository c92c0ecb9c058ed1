import type { webApi } from "@slack/bolt";
import type { Reply } from "../../src/chat/reply.js";
import type { ChatAddress } from "../../src/domain/platform.js";
import { msg, translate } from "../../src/i18n/message.js";
import type { CardMessages } from "../../src/ports/card-messages.js";
import { errorSummary, type Logger } from "../../src/runtime/logger.js";
import { renderMessage, renderModal } from "./slack-render.js";

export interface SlackDeliveryOptions {
  client: webApi.WebClient;
  cards: CardMessages;
  readDocument: (documentId: string) => Promise<Buffer>;
  logger: Logger;
}

/** What the interaction that led to a reply offers: the pressed message, a trigger for a modal, who acted. */
export interface SlackInteraction {
  pressed?: { channel: string; ts: string };
  triggerId?: string;
  userId?: string;
}

/**
 * Sends replies in Slack's idiom: Block Kit messages; forms as modals (opened
 * right after the button's ack, while its trigger is valid); refusals as
 * ephemeral messages; review cards updated in place with `chat.update`.
 * A user's chat id is their user id: `chat.postMessage` to it lands in the
 * app's DM with them.
 */
export class SlackDelivery {
  constructor(private readonly options: SlackDeliveryOptions) {}

  async send(chatId: string, reply: Reply, interaction: SlackInteraction = {}): Promise<void> {
    const { client } = this.options;
    if (reply.form && interaction.triggerId) {
      const opened = await client.views
        .open({ trigger_id: interaction.triggerId, view: renderModal(reply.locale, reply.form, JSON.stringify({ channel: chatId })) })
        .then(
          () => true,
          (error: unknown) => this.warn(error, "modal could not be opened; posting the buttons instead"),
        );
      if (opened) return;
    }
    const message = renderMessage(reply);
    if (reply.ephemeral && interaction.userId) {
      await client.chat.postEphemeral({ channel: chatId, user: interaction.userId, ...message });
      return;
    }
    const { pressed } = interaction;
    if (reply.replacesPressed && pressed && (await this.update(pressed.channel, pressed.ts, message))) return;
    if (!reply.card) {
      await this.uploadPreviews(chatId, reply);
      if (reply.file) await this.uploadFile(chatId, reply.file);
      await client.chat.postMessage({ channel: chatId, ...message });
      return;
    }
    const address: ChatAddress = { platform: "slack", chatId };
    const shown = await this.options.cards.find(address, reply.card);
    if (shown && !reply.repost && (await this.update(chatId, shown, message))) return;
    if (shown) await this.update(chatId, shown, renderMessage(reply, { withButtons: false }));
    else await this.uploadPreviews(chatId, reply);
    const posted = await client.chat.postMessage({ channel: chatId, ...message });
    if (posted.ts) await this.options.cards.remember(address, reply.card, posted.ts);
  }

  /**
   * Personal data asked for in the review channel goes to the reviewer's DM with the app (opened
   * with `conversations.open`: files need the DM's channel id); if it can't, they are told there.
   */
  async sendPrivately(userId: string, reply: Reply, interaction: SlackInteraction): Promise<void> {
    const { client } = this.options;
    try {
      await this.send(await this.directChannel(userId), reply);
    } catch (error) {
      this.warn(error, "details could not be sent by direct message");
      const channel = interaction.pressed?.channel;
      if (channel) await client.chat.postEphemeral({ channel, user: userId, text: translate(reply.locale, msg("review.open.dmFailed")) });
    }
  }

  /** A file made for the reader (their data export): uploads need a conversation id, so a user's DM is opened first. */
  private async uploadFile(chatId: string, file: NonNullable<Reply["file"]>): Promise<void> {
    const channel = /^[UW]/.test(chatId) ? await this.directChannel(chatId) : chatId;
    await this.options.client.files.uploadV2({
      channel_id: channel,
      file_uploads: [{ file: file.content, filename: file.name, title: file.name }],
    });
  }

  /** The id of the app's DM with a user (`chat.postMessage` takes the user id; file uploads need this). */
  private async directChannel(userId: string): Promise<string> {
    const opened = await this.options.client.conversations.open({ users: userId });
    if (!opened.channel?.id) throw new Error("conversations.open returned no channel");
    return opened.channel.id;
  }

  private async update(channel: string, ts: string, message: ReturnType<typeof renderMessage>): Promise<boolean> {
    return this.options.client.chat.update({ channel, ts, ...message }).then(
      () => true,
      (error: unknown) => this.warn(error, "message could not be updated; posting a new one"),
    );
  }

  /**
   * Documents uploaded before the message: previews for a card, or (with a file name) the
   * document as stored, at full resolution. A failure must not stop the message.
   */
  private async uploadPreviews(channel: string, reply: Reply): Promise<void> {
    const attachments = reply.attachments ?? [];
    if (attachments.length === 0) return;
    const upload = async () => {
      const file_uploads = await Promise.all(
        attachments.map(async (attachment) => {
          const title = translate(reply.locale, attachment.label);
          const filename = attachment.fileName ?? `${title}.jpg`;
          return { file: await this.options.readDocument(attachment.documentId), filename, title };
        }),
      );
      await this.options.client.files.uploadV2({ channel_id: channel, file_uploads });
    };
    await upload().catch((error: unknown) => this.warn(error, "document previews could not be uploaded"));
  }

  private warn(error: unknown, message: string): false {
    this.options.logger.warn({ platform: "slack", error: errorSummary(error) }, message);
    return false;
  }
}

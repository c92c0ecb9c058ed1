import type { Reply } from "../chat/reply.js";
import type { Choice } from "../domain/choice.js";
import type { Channel } from "../domain/delivery.js";
import type { NotificationContent, NotificationKind } from "../domain/notification.js";
import type { ChatAddress } from "../domain/platform.js";
import type { Locale } from "../i18n/locale.js";
import type { ApplicationStore } from "../ports/application-store.js";
import type { ConversationStore } from "../ports/conversation-store.js";
import type { OutboxWriter } from "../ports/outbox.js";

export interface Notice {
  userId: string;
  kind: NotificationKind;
  reference: string | null;
  content: NotificationContent;
  /** The channels the operator enabled; chat is always among them. */
  channels: readonly Channel[];
  at: Date;
  announcementId?: string;
  /** The caller sends the chat message itself right after the commit (returned as `reply`). */
  live?: boolean;
}

/**
 * Writes a notification to the outbox, in the caller's transaction, with a
 * delivery for each enabled channel the user can be reached on: their most
 * recent chat, and the email and phone of their latest application. Returns
 * the chat reply to send after the commit (live notices), carrying the
 * outbox id so its outcome is recorded.
 */
export async function notify(
  tx: Pick<ConversationStore, "applicantChat"> & Pick<ApplicationStore, "latestContactDetails"> & Pick<OutboxWriter, "enqueueNotification">,
  notice: Notice,
): Promise<{ id: string; reply: (Reply & { to: ChatAddress }) | null; channels: Channel[] } | null> {
  const applicant = await tx.applicantChat(notice.userId);
  if (!applicant) return null;
  const chat = applicant.address;
  const contact = (await tx.latestContactDetails(notice.userId)) ?? {};
  const locale = applicant.locale as Locale;
  const email = notice.channels.includes("email") ? contact.email : undefined;
  const sms = notice.channels.includes("sms") ? contact.phone : undefined;
  const id = await tx.enqueueNotification({
    userId: notice.userId,
    kind: notice.kind,
    reference: notice.reference,
    locale,
    content: notice.content,
    addresses: { chat, ...(email ? { email } : {}), ...(sms ? { sms } : {}) },
    chatDeliveredLive: Boolean(notice.live && chat),
    ...(notice.announcementId ? { announcementId: notice.announcementId } : {}),
    at: notice.at,
  });
  if (!id) return null;
  const reply = notice.live && chat ? chatReply(id, chat, locale, notice.content) : null;
  const channels: Channel[] = [
    ...(chat ? (["chat"] as const) : []),
    ...(email ? (["email"] as const) : []),
    ...(sms ? (["sms"] as const) : []),
  ];
  return { id, reply, channels };
}

/** A notification as a chat message. */
export function chatReply(
  notificationId: string,
  to: ChatAddress,
  locale: Locale,
  content: { body: NotificationContent["body"]; choices?: Choice[] },
): Reply & { to: ChatAddress } {
  return { locale, to, body: content.body, ...(content.choices ? { choices: content.choices } : {}), notificationId };
}

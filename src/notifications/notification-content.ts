import type { NotificationContent, NotificationKind } from "../domain/notification.js";
import type { Locale } from "../i18n/locale.js";
import { msg } from "../i18n/message.js";
import type { ApplicationForReview } from "../ports/application-store.js";
import { decisionMessage } from "./decision-message.js";

/** A reviewer's decision, for chat, email and SMS. */
export function decisionNotification(
  application: ApplicationForReview,
  supportContact: string,
): { kind: NotificationKind; content: NotificationContent } {
  const { reference, status } = application;
  const chat = decisionMessage(application, supportContact);
  return {
    kind: status === "needs_more_info" ? "needs_info" : "decision",
    content: {
      ...chat,
      subject: msg("notification.subject.decision", { reference }),
      sms: msg(status === "needs_more_info" ? "notification.sms.needsInfo" : "notification.sms.decision", {
        reference,
        status: msg(`status.${status}.label`),
      }),
    },
  };
}

/** The apology when a review takes longer than promised. */
export function overdueNotification(application: ApplicationForReview): NotificationContent {
  const { reference, expectedBy } = application;
  return {
    body: [msg("overdue.apology", { reference, expectedBy })],
    choices: [{ id: "status", label: msg("choice.status") }],
    subject: msg("notification.subject.overdue", { reference }),
    sms: msg("notification.sms.overdue", { reference }),
  };
}

/** An operator's announcement, in the reader's language. */
export function announcementNotification(texts: { zh: string; en: string }, locale: Locale): NotificationContent {
  const text = locale === "zh-CN" ? texts.zh : texts.en;
  return {
    body: [msg("announcement.body", { text })],
    subject: msg("notification.subject.announcement"),
    sms: msg("announcement.body", { text }),
  };
}

/** A submission held during maintenance that has now gone through. */
export function heldReleasedNotification(reference: string, expectedBy: string): NotificationContent {
  return {
    body: [msg("maintenance.released", { reference, expectedBy })],
    choices: [{ id: "status", label: msg("choice.status") }],
    subject: msg("notification.subject.decision", { reference }),
    sms: msg("maintenance.released", { reference, expectedBy }),
  };
}

/** The same notification again, saying so. */
export function resentNotification(original: NotificationContent): NotificationContent {
  return { ...original, body: [msg("notification.resentNote"), ...original.body] };
}

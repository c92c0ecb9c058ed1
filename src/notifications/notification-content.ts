import type { NotificationContent, NotificationKind } from "../domain/notification.js";
import { shortened } from "../domain/text.js";
import { dayMessage } from "../i18n/dates.js";
import type { Locale } from "../i18n/locale.js";
import { joinMessages, msg } from "../i18n/message.js";
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
      sms:
        status === "needs_more_info"
          ? msg("notification.sms.needsInfo", {
              reference,
              items: joinMessages(application.requestedItems.map((step) => msg(`field.${step}`))),
              note: application.note ? msg("notification.sms.note", { note: shortened(application.note, SMS_NOTE_CHARS) }) : "",
            })
          : msg("notification.sms.decision", { reference, status: msg(`status.${status}.sentence`) }),
    },
  };
}

/** An SMS is read on a lock screen: the reviewer's note, cut to this many characters (the chat and email have it whole). */
const SMS_NOTE_CHARS = 40;

/** The apology when a review takes longer than promised. */
export function overdueNotification(application: ApplicationForReview): NotificationContent {
  const { reference, expectedBy } = application;
  return {
    body: [msg("overdue.apology", { reference, expectedBy: dayMessage(expectedBy) })],
    choices: [{ id: "status", label: msg("choice.status") }],
    subject: msg("notification.subject.overdue", { reference }),
    sms: msg("notification.sms.overdue", { reference }),
  };
}

/** An operator's announcement, in the reader's language. */
export function announcementNotification(
  texts: { zh: string; en: string },
  locale: Locale,
  officialChannels?: string,
): NotificationContent {
  const text = locale === "zh-CN" ? texts.zh : texts.en;
  return {
    // Where set, the platform's official channels are named: announcements are published there too.
    body: [msg("announcement.body", { text }), ...(officialChannels ? [msg("official.channels", { official: officialChannels })] : [])],
    subject: msg("notification.subject.announcement"),
    sms: msg("announcement.body", { text }),
  };
}

/** A submission held during maintenance that has now gone through. */
export function heldReleasedNotification(reference: string, expectedBy: string): NotificationContent {
  return {
    body: [msg("maintenance.released", { reference, expectedBy: dayMessage(expectedBy) })],
    choices: [{ id: "status", label: msg("choice.status") }],
    subject: msg("notification.subject.decision", { reference }),
    sms: msg("maintenance.released", { reference, expectedBy: dayMessage(expectedBy) }),
  };
}

/** The same notification again, saying so. */
export function resentNotification(original: NotificationContent): NotificationContent {
  return { ...original, body: [msg("notification.resentNote"), ...original.body] };
}

import type { Choice } from "../src/domain/choice.js";
import type { DeliveryState } from "../src/domain/delivery.js";
import { FAQ_TOPICS, type FaqTopic } from "../src/domain/faq-topics.js";
import { maskEmail, maskPhone } from "../src/domain/masking.js";
import { isRejectionReason } from "../src/domain/rejection-reasons.js";
import { MAX_REJECTIONS_IN_30_DAYS, resubmissionVerdict, type UserRecord } from "../src/domain/user-record.js";
import { type Message, msg } from "../src/i18n/message.js";
import { choice } from "./conversation.choices.js";
import type { ContactDetails, Stamped } from "./conversation.events.js";

export interface FaqReply {
  body: Message[];
  choices?: Choice[];
}

/** What is kept, who sees it and for how long, with the user's two rights as buttons (`/privacy`, the FAQ topic). */
export function privacyReply({ retention, supportContact }: Pick<Stamped, "retention" | "supportContact">): FaqReply {
  return {
    body: [
      msg("privacy.about", {
        days: retention.retentionDays,
        conversationDays: retention.conversationRetentionDays,
        support: supportContact,
      }),
    ],
    choices: [choice("privacy.export", "choice.privacyExport"), choice("privacy.erase", "choice.privacyErase")],
  };
}

/** Every topic as a button, for users who browse instead of typing. */
export function topicChoices(): Choice[] {
  return FAQ_TOPICS.map((topic) => choice(`faq.${topic}`, `faq.topic.${topic}`));
}

/**
 * The answer to a FAQ topic, using the user's own record where it makes the
 * answer better (their rejection reasons, their expected date, whether they
 * may resubmit), ending with the next step as a button where there is one.
 */
export function faqReply(
  topic: FaqTopic,
  event: Pick<Stamped, "record" | "supportContact" | "retention">,
  contact?: ContactDetails,
): FaqReply {
  const { record, supportContact } = event;
  const general = msg(`faq.${topic}`, { support: supportContact });
  const application = record.application;
  switch (topic) {
    case "privacy":
      return privacyReply(event);
    case "failure-reasons":
      if (application?.status === "rejected") {
        return {
          body: [
            msg("faq.yourRejection", { reference: application.reference }),
            ...application.reasons
              .filter(isRejectionReason)
              .map((reason) => msg("decision.reason", { reason: msg(`reason.${reason}`), advice: msg(`reason.${reason}.advice`) })),
          ],
          ...resubmitChoice(record),
        };
      }
      return { body: [general] };
    case "review-time":
    case "check-status":
      if (application && (application.status === "submitted" || application.status === "needs_more_info")) {
        const key = application.overdue ? "faq.yourOverdue" : "faq.yourExpectedDate";
        return { body: [msg(key, { reference: application.reference, date: application.expectedBy })] };
      }
      return { body: [general], ...(topic === "check-status" ? { choices: [choice("status", "choice.status")] } : {}) };
    case "resubmit": {
      const verdict = resubmissionVerdict(record);
      if (verdict === "allowed") {
        const left = MAX_REJECTIONS_IN_30_DAYS - record.recentRejections;
        return { body: [msg("faq.resubmitAllowed", { reference: application!.reference, left })], ...resubmitChoice(record) };
      }
      if (verdict === "final") return { body: [msg("decision.final", { support: supportContact })] };
      if (verdict === "limit") return { body: [msg("resubmit.limit"), msg("support.contact", { support: supportContact })] };
      return { body: [general] };
    }
    case "notification-missing":
      if (contact && (contact.email || contact.phone)) {
        const deliveries = contact.lastDeliveries ?? [];
        return {
          body: [
            msg("faq.yourContact", {
              email: contact.email ? maskEmail(contact.email) : "—",
              phone: contact.phone ? maskPhone(contact.phone) : "—",
            }),
            ...(deliveries.length > 0
              ? [
                  msg("faq.lastNotification", { date: (contact.lastAt ?? "").slice(0, 16).replace("T", " ") }),
                  ...deliveries.map(deliveryLine),
                ]
              : []),
            general,
          ],
          choices: [
            ...(deliveries.length > 0 ? [choice("notify.resend", "choice.resend")] : []),
            choice("update.email", "choice.updateEmail"),
            choice("update.phone", "choice.updatePhone"),
          ],
        };
      }
      return { body: [general], choices: [choice("status", "choice.status")] };
    case "modify-application":
      if (application?.status === "submitted" || application?.status === "needs_more_info") {
        return { body: [general], choices: [choice("withdraw", "choice.withdraw")] };
      }
      return { body: [general] };
    case "contact-support":
    case "account-problem":
    case "forgot-email":
      return { body: [general], choices: [choice("support", "choice.talkToPerson")] };
    default:
      return { body: [general] };
  }
}

function resubmitChoice(record: UserRecord): { choices?: Choice[] } {
  return resubmissionVerdict(record) === "allowed" ? { choices: [choice("resubmit", "choice.resubmit")] } : {};
}

/** "• email: failed — SMTP 550": one channel's fate, as "I never got it" explains it. */
function deliveryLine(delivery: DeliveryState): Message {
  const state =
    delivery.status === "sent"
      ? msg("delivery.sent")
      : delivery.status === "failed"
        ? msg("delivery.failed", { reason: delivery.failure ?? "" })
        : msg("delivery.pending", { attempts: delivery.attempts });
  return msg("faq.deliveryLine", { channel: msg(`channel.${delivery.channel}`), state });
}

import { type Draft, EMPTY_DRAFT } from "../src/domain/application.js";
import type { Choice } from "../src/domain/choice.js";
import type { Channel, DeliveryState } from "../src/domain/delivery.js";
import { FAQ_TOPICS, type FaqTopic } from "../src/domain/faq-topics.js";
import { maskEmail, maskPhone } from "../src/domain/masking.js";
import { REJECTION_REASON_CODES } from "../src/domain/rejection-reasons.js";
import { type ApplicationSituation, situationOf, type WorkInProgress } from "../src/domain/situation.js";
import { resubmissionVerdict, type UserRecord } from "../src/domain/user-record.js";
import { timeMessage } from "../src/i18n/dates.js";
import { type Message, type MessageKey, msg } from "../src/i18n/message.js";
import { reasonWithAdvice } from "../src/i18n/reason-text.js";
import { CONTACT_CHOICES, choice } from "./conversation.choices.js";
import type { ContactDetails, Stamped } from "./conversation.events.js";
import { channelsPhrase, methodsPhrase } from "./deployment-phrases.js";
import { accountBlockedLine, type SituationText, situationLead } from "./situation-replies.js";

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

/** Topics shown on the first page of "All topics"; the rest follow "More topics" (a platform shows at most 25 buttons). */
const FIRST_PAGE = 13;

/** The topics as buttons, for users who browse instead of typing: the first page, or (`more`) the rest. */
export function topicChoices(more = false): Choice[] {
  if (more) return FAQ_TOPICS.slice(FIRST_PAGE).map((topic) => choice(`faq.${topic}`, `faq.topic.${topic}`));
  return [
    ...FAQ_TOPICS.slice(0, FIRST_PAGE).map((topic) => choice(`faq.${topic}`, `faq.topic.${topic}`)),
    choice("topics.more", "choice.moreTopics"),
  ];
}

/**
 * The answer to a FAQ topic, written from the user's situation where it concerns their application
 * (`situationOf`): what matters to them first — reviewers waiting for their information, a decision
 * already made — then the general answer, and the next step as a button where there is one.
 */
export function faqReply(
  topic: FaqTopic,
  event: Pick<Stamped, "record" | "supportContact" | "retention" | "timeZone" | "resultChannels" | "smsAvailable" | "officialChannels">,
  contact?: ContactDetails,
  draft: Draft = EMPTY_DRAFT,
  work: WorkInProgress = {},
): FaqReply {
  const { record, supportContact, timeZone } = event;
  // Without SMS the phone method is offered nowhere and no code confirms a phone: those topics have a text without it.
  // Where no official channels are configured, nothing is said about them.
  const key: MessageKey =
    !event.smsAvailable && namesSms(topic)
      ? `faq.${topic}.noSms`
      : topic === "official-channels" && !event.officialChannels
        ? "faq.official-channels.none"
        : topic === "notification-missing"
          ? notificationMissingKey(event.resultChannels)
          : `faq.${topic}`;
  const general = msg(key, {
    support: supportContact,
    channels: channelsPhrase(event.resultChannels),
    methods: methodsPhrase(event.smsAvailable),
    days: event.retention.retentionDays,
    official: event.officialChannels ?? "",
  });
  const situation = situationOf(record, draft, work).application;
  const lead = situationLead(situation, timeZone);
  const withLead = (...after: Message[]): FaqReply => ({
    body: [...lead.body, ...after],
    ...(lead.choices.length > 0 ? { choices: lead.choices } : {}),
  });
  switch (topic) {
    case "privacy":
      return privacyReply(event);
    case "failure-reasons":
      switch (situation.kind) {
        case "rejected":
          return {
            body: [
              msg("faq.yourRejection", { reference: situation.reference }),
              ...situation.reasons.map((reason) => reasonWithAdvice(reason, situation.method)),
              ...(situation.note ? [msg("situation.note", { note: situation.note })] : []),
            ],
            ...resubmitChoice(record),
          };
        case "waiting_for_user":
          return { body: [msg("faq.notRejected", { reference: situation.reference }), ...lead.body], choices: lead.choices };
        case "approved":
          return { body: [...lead.body, msg("faq.nothingFailed")] };
        case "submitted":
        case "held":
          // The lead names the application and when its decision is due: this only adds that nothing failed yet.
          return { body: [...lead.body, msg("faq.notDecidedYet"), general] };
        case "withdrawn":
          return withLead(general);
        default:
          return { body: [general] };
      }
    case "review-time":
    case "check-status":
      switch (situation.kind) {
        case "submitted":
        case "waiting_for_user":
        case "held":
          return withLead();
        case "approved":
          return withLead(msg("faq.nothingToWait"));
        case "rejected":
          return { ...withLead(), ...resubmitChoice(record) };
        default:
          return { body: [general], ...(topic === "check-status" ? { choices: [choice("status", "choice.status")] } : {}) };
      }
    case "required-documents":
    case "document-requirements":
      return situation.kind === "waiting_for_user" ? withLead(general) : { body: [general] };
    case "verification-steps":
      // An account that can't apply hears that first; someone who has applied, where they are in those steps.
      if (record.account !== "active") return { body: [accountBlockedLine(record.account), general] };
      // Reviewers waiting for them: what they need to do is that, not the four steps of a first application.
      if (situation.kind === "waiting_for_user") return withLead();
      return situation.kind === "none"
        ? { body: [general] }
        : { ...withLead(general), ...(situation.kind === "rejected" ? resubmitChoice(record) : {}) };
    case "resubmit":
      if (situation.kind === "waiting_for_user" || situation.kind === "held") return withLead();
      // In review: nothing to resubmit yet — where it stands, then how resubmission works should it come to that.
      if (situation.kind === "submitted") return withLead(general);
      if (situation.kind === "approved") return withLead(msg("faq.nothingFailed"));
      if (situation.kind !== "rejected") return { body: [general] };
      return resubmitReply(situation, record, supportContact);
    case "notification-missing":
      return notificationMissingReply(event, situation, lead, general, contact);
    case "modify-application":
      if (situation.kind === "waiting_for_user") {
        return { body: [...lead.body, msg("faq.changeRequested")], choices: [...lead.choices, choice("withdraw", "choice.withdraw")] };
      }
      // In review: the email and phone can be changed, the rest only by withdrawing — as "can I change my phone?" says.
      if (situation.kind === "submitted" || situation.kind === "held") return updateInfoReply(record, situation, lead, general);
      // "Can I change it?" before submitting: everything can be, and "can't be edited" would be untrue for them.
      if (draft.name !== undefined) return { body: [msg("faq.modifyDraft")] };
      // Decided or withdrawn, nothing can be withdrawn: what can be done instead.
      if (situation.kind === "rejected") return resubmitReply(situation, record, supportContact);
      if (situation.kind === "approved") return faqReply("update-info", event, contact, draft);
      if (situation.kind === "withdrawn")
        return { body: [...lead.body, msg("faq.modifyWithdrawn")], choices: [choice("start", "choice.start")] };
      return { body: [general] };
    case "rejection-reasons":
      return {
        body: [
          ...(situation.kind === "rejected" ? [] : lead.body),
          general,
          // The list of every reason: for a rejected user, in the terms of their application's method.
          ...REJECTION_REASON_CODES.map((reason) => reasonWithAdvice(reason, situation.kind === "rejected" ? situation.method : undefined)),
        ],
        ...(situation.kind === "rejected" ? resubmitChoice(record) : lead.choices.length > 0 ? { choices: lead.choices } : {}),
      };
    case "delete-account":
      // Being decided, its details can't be erased: where it stands, Withdraw first, and the export (not a refused Delete).
      if (situation.kind === "submitted" || situation.kind === "waiting_for_user")
        return {
          body: [...lead.body, general],
          choices: [choice("withdraw", "choice.withdraw"), choice("privacy.export", "choice.privacyExport")],
        };
      return { body: [general], choices: privacyReply(event).choices ?? [] };
    case "update-info":
      return updateInfoReply(record, situation, lead, general);
    case "wrong-photo":
      if (situation.kind === "waiting_for_user") return withLead(msg("faq.changeRequested"));
      if (situation.kind === "held") return withLead(msg("faq.heldNoChanges"));
      if (situation.kind === "submitted")
        return {
          body: [msg("faq.wrongPhoto.submitted", { reference: situation.reference })],
          choices: [choice("withdraw", "choice.withdraw")],
        };
      return { body: [general] };
    case "contact-support":
    case "account-problem":
    case "forgot-email":
      return { body: [general], choices: [choice("support", "choice.support")] };
    default:
      return { body: [general] };
  }
}

/** A rejected application: resubmit it with only the flagged items asked again, or — when it can't be — a new one. */
function resubmitReply(situation: Extract<ApplicationSituation, { kind: "rejected" }>, record: UserRecord, support: string): FaqReply {
  if (situation.resubmission === "allowed")
    return { body: [msg("faq.resubmitAllowed", { reference: situation.reference })], ...resubmitChoice(record) };
  return { body: [msg("decision.final", { support })], choices: [choice("start", "choice.start")] };
}

/**
 * "Can I change my phone?": the email and phone results go to can be changed as soon as an application is
 * submitted (the menu offers it only once verified), so whoever has one gets the buttons, and what else
 * their application allows; the general answer (kept current after approval) is for the others.
 */
function updateInfoReply(record: UserRecord, situation: ApplicationSituation, lead: SituationText, general: Message): FaqReply {
  if (situation.kind === "held") return { body: [...lead.body, msg("faq.heldNoChanges")] };
  if (!record.verified && record.application === null) return { body: [general] };
  const now = msg("faq.updateContactNow");
  switch (situation.kind) {
    case "submitted":
      return {
        body: [...lead.body, now, msg("faq.nothingElseChanges")],
        choices: [...CONTACT_CHOICES, choice("withdraw", "choice.withdraw")],
      };
    case "waiting_for_user":
      return { body: [...lead.body, now, msg("faq.changeRequested")], choices: [...lead.choices, ...CONTACT_CHOICES] };
    case "rejected":
      return { body: [now], choices: [...CONTACT_CHOICES, ...(resubmitChoice(record).choices ?? [])] };
    default: {
      const enterprise = record.application?.status === "approved" && record.application.method === "enterprise";
      return { body: [general], choices: [...CONTACT_CHOICES, ...(enterprise ? [choice("reverify", "choice.reverify")] : [])] };
    }
  }
}

/**
 * "I never got it": where results go and how our last notification fared. Before any decision no result
 * was sent, so none is missing ("that is why nothing arrived" would be untrue): said first, with its due date.
 */
function notificationMissingReply(
  event: Pick<Stamped, "resultChannels" | "timeZone">,
  situation: ApplicationSituation,
  lead: SituationText,
  general: Message,
  contact?: ContactDetails,
): FaqReply {
  const undecided = situation.kind === "submitted" || situation.kind === "held";
  const first = undecided ? [...lead.body, msg("faq.noResultYet", { channels: channelsPhrase(event.resultChannels) })] : lead.body;
  // Held: nothing was sent and nothing can be corrected until it goes to review (the general text offers both).
  if (situation.kind === "held") return { body: first, choices: [choice("status", "choice.status")] };
  // Withdrawn: no decision, so no result to miss ("that is why nothing arrived" would be untrue).
  if (situation.kind === "withdrawn")
    return { body: [...lead.body, msg("faq.noResultWithdrawn", { channels: channelsPhrase(event.resultChannels) })] };
  if (!contact || !(contact.email || contact.phone))
    return { body: [...first, general], choices: [...lead.choices, choice("status", "choice.status")] };
  const deliveries = contact.lastDeliveries ?? [];
  return {
    body: [
      ...first,
      ...(undecided ? [] : yourContact(contact, event.resultChannels)),
      ...(deliveries.length > 0 && contact.lastAt
        ? [msg("faq.lastNotification", { date: timeMessage(contact.lastAt, event.timeZone) }), ...deliveries.map(deliveryLine)]
        : []),
      general,
    ],
    choices: [...lead.choices, ...(deliveries.length > 0 ? [choice("notify.resend", "choice.resend")] : []), ...CONTACT_CHOICES],
  };
}

/** "Nothing arrived": the spam folder and the email only where results are emailed, the phone only where they are texted. */
function notificationMissingKey(channels: readonly Channel[]): MessageKey {
  if (channels.includes("email")) return "faq.notification-missing";
  return channels.includes("sms") ? "faq.notification-missing.sms" : "faq.notification-missing.chat";
}

/** The addresses results are sent to, masked: only those of the channels this deployment sends on. */
function yourContact(contact: ContactDetails, channels: readonly Channel[]): Message[] {
  const email = channels.includes("email") ? (contact.email ? maskEmail(contact.email) : "—") : undefined;
  const phone = channels.includes("sms") ? (contact.phone ? maskPhone(contact.phone) : "—") : undefined;
  if (email && phone) return [msg("faq.yourContact", { email, phone })];
  if (email) return [msg("faq.yourContact.email", { email })];
  if (phone) return [msg("faq.yourContact.phone", { phone })];
  return [];
}

/** Topics that name the phone method or an SMS code: without SMS they have a text without it. */
const NAMING_SMS = ["verification-methods", "required-documents", "foreign-documents", "update-info"] as const;
const namesSms = (topic: FaqTopic): topic is (typeof NAMING_SMS)[number] => (NAMING_SMS as readonly FaqTopic[]).includes(topic);

function resubmitChoice(record: UserRecord): { choices?: Choice[] } {
  return resubmissionVerdict(record) === "allowed" ? { choices: [choice("resubmit", "choice.resubmit")] } : {};
}

/** "• email: failed — SMTP 550": one channel's fate, as "I never got it" explains it. */
function deliveryLine(delivery: DeliveryState): Message {
  return msg("faq.deliveryLine", { channel: msg(`channel.${delivery.channel}`), state: deliveryState(delivery) });
}

function deliveryState(delivery: DeliveryState): Message {
  if (delivery.status === "sent") return msg("delivery.sent");
  if (delivery.status === "failed") return msg("delivery.failed", { reason: delivery.failure ?? "" });
  // "1 attempts" reads wrong, and "0 attempts" says nothing the reader can use.
  if (delivery.attempts === 0) return msg("delivery.queued");
  return delivery.attempts === 1 ? msg("delivery.pendingOnce") : msg("delivery.pending", { attempts: delivery.attempts });
}

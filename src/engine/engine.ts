import type { CheckedUpload, ConversationEvent, ConversationOutput } from "../../machines/conversation.events.js";
import { promptFor, type ReplyContent } from "../../machines/conversation.prompts.js";
import type { LifecycleStatus } from "../../machines/application-lifecycle.machine.js";
import { clearSteps, EMPTY_DRAFT, LEGAL_REPRESENTATIVE_STEPS } from "../domain/application.js";
import { stepsToReask } from "../domain/rejection-reasons.js";
import { localDate } from "../domain/business-days.js";
import { hashOneTimeCode, newOneTimeCode } from "../domain/one-time-code.js";
import { newReferenceCode } from "../domain/reference-code.js";
import { localeFromTag, type Locale } from "../i18n/locale.js";
import { msg, translate } from "../i18n/message.js";
import type { ChatEvent } from "../chat/chat-event.js";
import type { Channel } from "../notifications/notification.js";
import { resentNotification } from "../notifications/notification-content.js";
import { freeReference, submitDraft, type SubmissionCalendar } from "./submit-draft.js";
import { notify } from "../notifications/notify.js";
import type { Reply } from "../chat/reply.js";
import type { DocumentCheck } from "../documents/document-check.js";
import { DocumentStore } from "../documents/document-store.js";
import type { Logger } from "../logger.js";
import type { SmsSender } from "../sms/sms-sender.js";
import { persistConversation, restoreConversation, startConversation } from "./conversation-snapshot.js";
import { KeyedLock } from "./keyed-lock.js";
import { createPureTransition } from "./pure-transition.js";
import type { Store, StoreTransaction, StoredUser } from "./store-port.js";
import { toMachineEvent, type EventStamp } from "./to-machine-event.js";
import { sharedFaqMatcher } from "../faq/faq-matcher.js";
import {
  handleReviewAction,
  handleReviewForm,
  handleReviewNote,
  isNoteOrCancel,
  isReviewAction,
  isReviewChoice,
  reviewSessionAddress,
  type DeskContext,
} from "../review/review-desk.js";
import { reviewCard } from "../review/review-card.js";
import { NO_REVIEWERS, type Reviewers } from "../review/reviewers.js";

/** Users may ask for their last notification again this often (a guard against mail and SMS bombing). */
const RESENDS_PER_WINDOW = 3;
const RESEND_WINDOW_MS = 3_600_000;

export interface EngineSettings {
  defaultLocale: Locale;
  timeZone: string;
  holidays: ReadonlySet<string>;
  supportContact: string;
  /** Notification channels in use (chat always); default chat only. */
  notifyChannels?: readonly Channel[];
}

export interface EngineDependencies {
  store: Store;
  documents: DocumentStore;
  checkDocument: DocumentCheck;
  sms: SmsSender;
  logger: Logger;
  settings: EngineSettings;
  /** Who decides applications and where their cards go; none by default. */
  reviewers?: Reviewers;
  clock?: () => Date;
  /** Injected in tests to force reference collisions. */
  newReference?: () => string;
}

/** An upload checked before the transaction, with the bytes to keep if the conversation accepts it. */
interface PreparedUpload {
  upload: CheckedUpload;
  accepted: { keep: Buffer; preview: Buffer } | null;
}

/** Work that must wait until the transaction has committed (messages to the outside world). */
type AfterCommit = () => Promise<void>;

/**
 * The platform-neutral core: `handle(event) → replies`. Per chat, events are
 * handled one at a time; each runs in one database transaction that records
 * the event id (a redelivered event has no second effect and no reply), the
 * conversation snapshot and every domain change together.
 */
export class Engine {
  private readonly lock = new KeyedLock();
  private readonly transition = createPureTransition();
  private readonly clock: () => Date;
  private readonly newReference: () => string;

  constructor(private readonly deps: EngineDependencies) {
    this.clock = deps.clock ?? (() => new Date());
    this.newReference = deps.newReference ?? (() => newReferenceCode());
  }

  handle(event: ChatEvent): Promise<Reply[]> {
    return this.lock.run(`${event.platform}:${event.chatId}`, () => this.handleInOrder(event));
  }

  private async handleInOrder(event: ChatEvent): Promise<Reply[]> {
    const upload = event.kind === "file" && event.file.bytes ? await this.checkUpload(event.file.bytes) : undefined;
    const afterCommit: AfterCommit[] = [];
    const replies = await this.deps.store.transaction((tx) => this.process(tx, event, upload, afterCommit));
    for (const task of afterCommit) {
      await task().catch((error: unknown) => this.deps.logger.error({ err: error, platform: event.platform }, "after-commit task failed"));
    }
    return replies;
  }

  /** Checks (and re-encodes) an upload before the transaction: image work must not hold the database. */
  private async checkUpload(bytes: Buffer): Promise<PreparedUpload> {
    const inspection = await this.deps.checkDocument(bytes);
    const { accepted, format } = inspection;
    if (!accepted || !format) {
      const problems = inspection.problems.length > 0 ? inspection.problems : [{ code: "unreadable" as const }];
      return { upload: { problems }, accepted: null };
    }
    const document = {
      id: DocumentStore.idOf(accepted.keep),
      previewId: DocumentStore.idOf(accepted.preview),
      format,
      bytes: accepted.keep.length,
      width: inspection.width,
      height: inspection.height,
    };
    return { upload: { document, problems: [] }, accepted };
  }

  private async process(
    tx: StoreTransaction,
    event: ChatEvent,
    upload: PreparedUpload | undefined,
    afterCommit: AfterCommit[],
  ): Promise<Reply[]> {
    const now = this.clock();
    if (!(await tx.markEventProcessed(event.platform, event.id, now))) {
      this.deps.logger.info({ platform: event.platform, eventId: event.id }, "duplicate event ignored");
      return [];
    }
    const { settings } = this.deps;
    const reviewers = this.deps.reviewers ?? NO_REVIEWERS;
    // A review room is shared and not anyone's conversation: only review actions and notes count there.
    if (reviewers.isReviewRoom(event.platform, event.chatId)) return (await this.review(tx, event, settings.defaultLocale, now)) ?? [];
    const platformLocale = localeFromTag(event.locale, settings.defaultLocale);
    const chat = { platform: event.platform, chatId: event.chatId, platformUserId: event.userId };
    const today = localDate(now, settings.timeZone);
    const { user, conversation } = await tx.openChat(chat, platformLocale, now);
    const forReviewer = await this.review(tx, event, user.locale as Locale, now);
    if (forReviewer) return forReviewer;
    let record = await tx.loadUserRecord(user, today);

    const restored = restoreConversation(conversation);
    if (restored.kind === "reset")
      this.deps.logger.warn({ platform: event.platform }, "conversation snapshot could not be resumed; reset to the menu");
    let snapshot =
      restored.kind === "resumed"
        ? restored.snapshot
        : startConversation({ locale: user.locale as Locale, draft: (await tx.loadDraft(user.id)) ?? EMPTY_DRAFT });
    const startDraft = snapshot.context.draft;
    const startLocale = snapshot.context.locale;

    const contents: ReplyContent[] = restored.kind === "reset" ? [{ body: [msg("snapshot.reset")] }] : [];
    /** Messages for other chats (review cards), already in their readers' language. */
    const outgoing: Reply[] = [];
    let prompted = false;
    // After a reset the message was an answer to a question that no longer exists: show the menu instead of guessing.
    const queue: ConversationEvent[] =
      restored.kind === "reset"
        ? []
        : [
            this.firstEvent(
              event,
              restored.kind === "new",
              { now: now.getTime(), record, supportContact: settings.supportContact },
              upload,
            ),
          ];
    const first = queue[0];
    if (first?.type === "user.text" && first.faq?.topic === "notification-missing") {
      const contact = await tx.latestContactDetails(user.id);
      const last = await tx.latestNotification(user.id);
      if (contact)
        queue[0] = { ...first, contact: { ...contact, ...(last ? { lastDeliveries: last.deliveries, lastAt: last.createdAt } : {}) } };
    }
    while (queue.length > 0) {
      const [next, outputs] = this.transition(snapshot, queue.shift()!);
      snapshot = next;
      for (const output of outputs) {
        if (output.type === "reply") contents.push({ body: output.body, ...(output.choices ? { choices: output.choices } : {}) });
        else if (output.type === "prompt") prompted = true;
        else {
          const result = await this.perform(output, {
            tx,
            event,
            user,
            now,
            upload,
            afterCommit,
            outgoing,
            locale: snapshot.context.locale,
          });
          if (result) {
            if (result.type === "application.submitted") record = await tx.loadUserRecord(user, today);
            queue.push({ ...result, now: now.getTime(), record, supportContact: settings.supportContact });
          }
        }
      }
    }
    if (prompted || restored.kind !== "resumed") contents.push(promptFor(String(snapshot.value), snapshot.context, record, event.platform));

    if (snapshot.context.draft !== startDraft) await tx.saveDraft(user.id, snapshot.context.draft, now);
    if (snapshot.context.locale !== startLocale) await tx.setUserLocale(user.id, snapshot.context.locale);
    await tx.saveConversation(event.platform, event.chatId, user.id, persistConversation(snapshot), now);

    const locale = snapshot.context.locale;
    return [...contents.map((content) => ({ locale, ...content })), ...outgoing];
  }

  /** A newcomer's first words, unless a question we can answer, get the welcome and the menu. */
  private firstEvent(event: ChatEvent, isNewChat: boolean, stamp: EventStamp, upload: PreparedUpload | undefined): ConversationEvent {
    const machineEvent = toMachineEvent(event, stamp, upload?.upload, (text) => sharedFaqMatcher().match(text));
    return isNewChat && machineEvent.type === "user.text" && !machineEvent.faq ? { type: "cmd.start", ...stamp } : machineEvent;
  }

  /** A reviewer's button or pending note, handled by the review desk; null when the event is neither. */
  private async review(tx: StoreTransaction, event: ChatEvent, reviewerLocale: Locale, now: Date): Promise<Reply[] | null> {
    const desk: DeskContext = {
      tx,
      event,
      now,
      reviewerLocale,
      reviewers: this.deps.reviewers ?? NO_REVIEWERS,
      cardLocale: this.deps.settings.defaultLocale,
      supportContact: this.deps.settings.supportContact,
      channels: this.deps.settings.notifyChannels ?? ["chat"],
    };
    if (isReviewAction(event)) return handleReviewAction(desk, event.choice);
    if (event.kind === "form" && isReviewChoice(event.form)) return handleReviewForm(desk, event);
    if (event.kind === "text" && desk.reviewers.isReviewer(event.platform, event.userId) && isNoteOrCancel(event.text)) {
      const session = await tx.loadReviewSession(reviewSessionAddress(event));
      if (session) return handleReviewNote(desk, session, event.text);
    }
    return null;
  }

  /** Performs one effect the machine asked for; returns the event that reports its result, if any. */
  private async perform(
    effect: Exclude<ConversationOutput, { type: "reply" | "prompt" }>,
    ctx: {
      tx: StoreTransaction;
      event: ChatEvent;
      user: StoredUser;
      now: Date;
      upload: PreparedUpload | undefined;
      afterCommit: AfterCommit[];
      outgoing: Reply[];
      locale: Locale;
    },
  ): Promise<ResultEvent | null> {
    switch (effect.type) {
      case "effect.sendCode": {
        const code = newOneTimeCode();
        const text = translate(ctx.locale, msg("sms.code", { code }));
        ctx.afterCommit.push(() => this.deps.sms.send(effect.phone, text));
        const issued = { phone: effect.phone, hash: hashOneTimeCode(code, effect.phone), sentAt: ctx.now.getTime(), wrongTries: 0 };
        return { type: "code.sent", issued };
      }
      case "effect.keepDocument": {
        // Written (and fsynced) before the commit that refers to it; content addressing makes a rollback harmless.
        if (ctx.upload?.accepted && ctx.upload.upload.document?.id === effect.documentId) {
          await this.deps.documents.put(ctx.upload.accepted.keep);
          await this.deps.documents.put(ctx.upload.accepted.preview);
        }
        return null;
      }
      case "effect.submit": {
        const maintenance = await ctx.tx.maintenance(ctx.now);
        if (maintenance) {
          // Held, not lost: the draft waits with a mark and goes through when maintenance ends.
          const { workspace } = ctx.event;
          const { previousReference } = effect;
          await ctx.tx.holdDraft(
            {
              userId: ctx.user.id,
              draft: effect.draft,
              platform: ctx.event.platform,
              ...(previousReference ? { previousReference } : {}),
              ...(workspace ? { workspace } : {}),
            },
            ctx.now,
          );
          this.deps.logger.info({ platform: ctx.event.platform, method: effect.draft.method }, "submission held for maintenance");
          return { type: "application.held", until: localDateTime(maintenance.until, this.deps.settings.timeZone), note: maintenance.note };
        }
        const { reference, expectedBy } = await submitDraft(ctx.tx, this.calendar(), {
          userId: ctx.user.id,
          draft: effect.draft,
          submittedAt: ctx.now,
          actor: `user:${ctx.event.platform}:${ctx.event.userId}`,
          platform: ctx.event.platform,
          ...(effect.previousReference ? { previousReference: effect.previousReference } : {}),
          ...(ctx.event.workspace ? { workspace: ctx.event.workspace } : {}),
        });
        this.deps.logger.info({ platform: ctx.event.platform, reference, method: effect.draft.method }, "application submitted");
        await this.sendCards(ctx.tx, reference, ctx.outgoing);
        return { type: "application.submitted", reference, expectedBy };
      }
      case "effect.prepareResubmission": {
        const previous = await ctx.tx.loadApplication(effect.reference);
        if (!previous || previous.userId !== ctx.user.id) return refused(effect.reference, previous?.status);
        const reask = effect.why === "rejected" ? stepsToReask(previous.reasons) : LEGAL_REPRESENTATIVE_STEPS;
        return {
          type: "resubmission.ready",
          draft: clearSteps(previous.draft, reask),
          previousReference: previous.reference,
          why: effect.why,
        };
      }
      case "effect.requestSupport": {
        const reference = await freeReference(ctx.tx, this.newReference);
        await ctx.tx.recordSupportRequest({
          reference,
          userId: ctx.user.id,
          platform: ctx.event.platform,
          platformUserId: ctx.event.userId,
          question: effect.question ?? null,
          at: ctx.now,
        });
        this.deps.logger.info({ platform: ctx.event.platform, reference }, "support request recorded");
        return { type: "support.requested", reference };
      }
      case "effect.updateContact": {
        const actor = `user:${ctx.event.platform}:${ctx.event.userId}`;
        await ctx.tx.updateContactDetails(ctx.user.id, effect.field, effect.value, actor, ctx.event.platform, ctx.now);
        return { type: "contact.updated", field: effect.field };
      }
      case "effect.prepareInfo": {
        const application = await ctx.tx.loadApplication(effect.reference);
        if (!application || application.userId !== ctx.user.id) return refused(effect.reference, application?.status);
        const draft = clearSteps(application.draft, application.requestedItems);
        return { type: "info.ready", draft, reference: application.reference, items: application.requestedItems };
      }
      case "effect.resendNotification":
        return this.resend(ctx.tx, ctx.user.id, ctx.now, ctx.outgoing);
      case "effect.provideInfo":
      case "effect.withdraw": {
        const providing = effect.type === "effect.provideInfo";
        const result = await ctx.tx.changeApplication({
          reference: effect.reference,
          event: { type: providing ? "user.provideInfo" : "user.withdraw" },
          actor: `user:${ctx.event.platform}:${ctx.event.userId}`,
          platform: ctx.event.platform,
          at: ctx.now,
        });
        if (!result.ok) return refused(effect.reference, result.problem === "not_allowed" ? result.status : undefined);
        if (providing) await ctx.tx.updateApplicationDetails(effect.reference, effect.draft, ctx.now);
        // New information needs a reviewer's eyes again: a fresh card gets noticed where an edit would not.
        await this.sendCards(ctx.tx, effect.reference, ctx.outgoing, providing);
        return providing
          ? { type: "application.infoProvided", reference: effect.reference }
          : { type: "application.withdrawn", reference: effect.reference };
      }
    }
  }

  /** The application's card, as it is now, to every review destination (adapters that can edit replace the old one). */
  private async sendCards(tx: StoreTransaction, reference: string, outgoing: Reply[], repost = false): Promise<void> {
    const application = await tx.loadApplication(reference);
    if (!application) return;
    for (const to of (this.deps.reviewers ?? NO_REVIEWERS).destinations) {
      outgoing.push({ locale: this.deps.settings.defaultLocale, to, ...reviewCard(application), ...(repost ? { repost } : {}) });
    }
  }

  /** Queues the user's last notification again to their current details, at most 3 times an hour. */
  private async resend(tx: StoreTransaction, userId: string, now: Date, outgoing: Reply[]): Promise<ResultEvent> {
    const recent = await tx.notificationTimesSince(userId, "resend", new Date(now.getTime() - RESEND_WINDOW_MS));
    if (recent.length >= RESENDS_PER_WINDOW) return { type: "notification.resendRefused", until: recent[0]!.getTime() + RESEND_WINDOW_MS };
    const last = await tx.latestNotification(userId);
    if (!last) return { type: "notification.resendRefused", until: null };
    const content = resentNotification(last.kind === "resend" ? { ...last.content, body: last.content.body.slice(1) } : last.content);
    const channels = this.deps.settings.notifyChannels ?? ["chat"];
    const notice = await notify(tx, { userId, kind: "resend", reference: last.reference, content, channels, at: now, live: true });
    if (notice?.reply) outgoing.push(notice.reply);
    return { type: "notification.resent", channels: notice?.channels ?? [] };
  }

  private calendar(): SubmissionCalendar {
    return { timeZone: this.deps.settings.timeZone, holidays: this.deps.settings.holidays, newReference: this.newReference };
  }
}

/** The events that report an effect's result back to the conversation (stamped by the caller). */
type ResultEvent = DistributiveOmit<
  Extract<
    ConversationEvent,
    {
      type:
        | "code.sent"
        | "application.submitted"
        | "resubmission.ready"
        | "info.ready"
        | "application.infoProvided"
        | "application.withdrawn"
        | "application.changeRefused"
        | "contact.updated"
        | "support.requested"
        | "notification.resent"
        | "notification.resendRefused"
        | "application.held";
    }
  >,
  "now" | "record" | "supportContact"
>;

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** `status` is null when the application is not (or no longer) the user's to change. */
function refused(reference: string, status: LifecycleStatus | undefined): ResultEvent {
  return { type: "application.changeRefused", reference, status: status ?? null };
}

/** "2026-11-24 18:00" in the service's time zone, as users read times. */
function localDateTime(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone, dateStyle: "short", timeStyle: "short" }).format(new Date(iso));
}

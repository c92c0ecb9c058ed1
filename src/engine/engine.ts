import type { ConversationEvent } from "../../machines/conversation.events.js";
import { type ConversationState, promptFor, type ReplyContent } from "../../machines/conversation.prompts.js";
import { asksForStatus, type ChatEvent } from "../chat/chat-event.js";
import type { Reply } from "../chat/reply.js";
import { inReadingOrder } from "../chat/reply-order.js";
import { withoutRestatedPrompt } from "../chat/restated-prompt.js";
import { saidOnce } from "../chat/said-once.js";
import { EMPTY_DRAFT } from "../domain/application.js";
import { localDate } from "../domain/business-days.js";
import { codeDigest, newOneTimeCode } from "../domain/one-time-code.js";
import { unreadDocuments } from "../domain/read-findings.js";
import { newReferenceCode } from "../domain/reference-code.js";
import { DEFAULT_RETENTION } from "../domain/retention-policy.js";
import { DEFAULT_REVIEW_POLICY } from "../domain/review-policy.js";
import { type UserRecord, userRecord } from "../domain/user-record.js";
import { type Locale, localeFromTag } from "../i18n/locale.js";
import { msg } from "../i18n/message.js";
import type { StoreTransaction } from "../ports/store.js";
import { reviewerEvent } from "../review/review-desk.js";
import { roomReviewerLocale } from "../review/reviewer-locale.js";
import { NO_REVIEWERS, type Reviewers } from "../review/reviewers.js";
import { errorSummary } from "../runtime/logger.js";
import { type Metrics, NO_METRICS } from "../runtime/metrics.js";
import { persistConversation, restoreConversation, startConversation } from "./conversation-snapshot.js";
import type { EffectContext, EffectDependencies, PreparedUpload } from "./effects/effect.js";
import { performEffect } from "./effects/effect-handlers.js";
import type { EngineDependencies } from "./engine-dependencies.js";
import { observeHandledEvent } from "./event-metrics.js";
import { firstEvents } from "./first-events.js";
import { KeyedLock } from "./keyed-lock.js";
import { chatKeyOf, type FollowUpSender, type LateRead, PhotoReading } from "./photo-reading.js";
import { createPureTransition } from "./pure-transition.js";
import { REDELIVERY_GRACE_MS, redeliveredReplies } from "./redelivery.js";
import { ReplyConfirmations } from "./reply-confirmations.js";
import { serializeReplies } from "./reply-record.js";
import type { EventStamp } from "./to-machine-event.js";
import { prepareUpload } from "./upload-check.js";
import { UploadRate } from "./upload-rate.js";

export type { EngineDependencies, EngineSettings } from "./engine-dependencies.js";

/** Effect results after which the user's record is read again: they change the application or the account. */
const RECORD_CHANGING: ReadonlySet<string> = new Set([
  "application.submitted",
  "application.held",
  "application.infoProvided",
  "application.withdrawn",
  "contact.updated",
  "privacy.erased",
]);

/**
 * The platform-neutral core: `handle(event) → replies`. Per chat, events are
 * handled one at a time; each runs in one database transaction that records
 * the event id (a redelivered event has no second effect and no reply), the
 * conversation snapshot and every domain change together. The machine's
 * effects are performed by the handlers in `effects/`.
 */

export class Engine {
  private readonly lock = new KeyedLock();
  private readonly uploadRate = new UploadRate();
  private readonly transition = createPureTransition();
  private readonly clock: () => Date;
  private readonly metrics: Metrics;
  private readonly reviewers: Reviewers;
  private readonly effectDeps: EffectDependencies;
  private readonly confirmations: ReplyConfirmations;
  private readonly reading: PhotoReading | undefined;

  constructor(private readonly deps: EngineDependencies) {
    this.clock = deps.clock ?? (() => new Date());
    this.confirmations = new ReplyConfirmations(deps.store, deps.logger);
    this.metrics = deps.metrics ?? NO_METRICS;
    this.reviewers = deps.reviewers ?? NO_REVIEWERS;
    const { settings } = deps;
    this.reading = deps.readDocument
      ? new PhotoReading({
          readDocument: deps.readDocument,
          documents: deps.documents,
          logger: deps.logger,
          metrics: this.metrics,
          waitMs: deps.settings.readWaitMs,
          nextEventWaitMs: deps.settings.nextEventReadWaitMs,
          handle: (event) => this.handle(event),
          delivered: (event) => this.repliesDelivered(event),
        })
      : undefined;
    this.effectDeps = {
      store: deps.store,
      documents: deps.documents,
      sms: deps.sms,
      ...(deps.email ? { email: deps.email } : {}),
      logger: deps.logger,
      reviewers: this.reviewers,
      reviewLocale: settings.reviewLocale ?? settings.defaultLocale,
      timeZone: settings.timeZone,
      holidays: settings.holidays,
      channels: settings.notifyChannels ?? ["chat"],
      newReference: deps.newReference ?? (() => newReferenceCode()),
      newCode: deps.newCode ?? newOneTimeCode,
      smsAvailable: settings.smsAvailable ?? true,
      codeKey: deps.codeKey,
    };
  }

  /**
   * The platform accepted this event's replies: their stored copy is forgotten at once (a commit shared by those
   * arriving together). `sent`: only the first `sent` of the replies for the event's own chat so far, as each is
   * accepted, so a crash before the next one repeats none of them.
   */
  repliesDelivered(event: Pick<ChatEvent, "platform" | "id">, sent?: number): void {
    this.confirmations.add(event, sent);
  }

  /** Where late reads' findings are sent (each platform's adapter, through `Outbound`); unset, they are logged and dropped. */
  sendFollowUpsWith(sender: FollowUpSender): void {
    this.reading?.sendFollowUpsWith(sender);
  }

  /** Resolves once every read in progress has been handled and its finding sent (shutdown, tests). */
  async followUpsSettled(): Promise<void> {
    await this.reading?.settled();
  }

  /** Writes the confirmations waiting (also on shutdown). */
  flushConfirmations(): Promise<void> {
    return this.confirmations.flush();
  }

  handle(event: ChatEvent): Promise<Reply[]> {
    const started = performance.now();
    const seconds = () => (performance.now() - started) / 1000;
    const chatKey = chatKeyOf(event);
    // A photo's finding still on its way is told before this event's reply (a late read's own event does not wait).
    const findingsFirst = event.kind === "document_read" ? undefined : this.reading?.waitForRunningReads(chatKey);
    return Promise.resolve(findingsFirst)
      .then(() => this.lock.run(chatKey, () => this.handleInOrder(event)))
      .then(
        ({ replies, duplicate }) => {
          this.metrics.chatUpdate(event.platform, duplicate ? "duplicate" : "handled", seconds());
          return replies;
        },
        (error: unknown) => {
          this.metrics.chatUpdate(event.platform, "failed", seconds());
          throw error;
        },
      );
  }

  private async handleInOrder(event: ChatEvent): Promise<{ replies: Reply[]; duplicate: boolean }> {
    const checked =
      event.kind === "file" && event.file.bytes
        ? await prepareUpload({ ...this.deps, uploadRate: this.uploadRate, now: this.clock() }, event, event.file.bytes)
        : undefined;
    const { upload, lateRead } =
      checked && this.reading ? await this.reading.readInTime(chatKeyOf(event), checked) : { upload: checked, lateRead: undefined };
    try {
      return await this.handleRead(event, upload, lateRead);
    } finally {
      // Followed up by now if the event was handled; otherwise nothing is to wait for it.
      if (lateRead) this.reading?.dropLateRead(chatKeyOf(event), lateRead);
    }
  }

  private async handleRead(
    event: ChatEvent,
    upload: PreparedUpload | undefined,
    lateRead: LateRead | undefined,
  ): Promise<{ replies: Reply[]; duplicate: boolean }> {
    const afterCommit: EffectContext["afterCommit"] = [];
    const attempt = (graceOver: boolean) =>
      this.deps.store.transaction(
        async (tx) => {
          // A transaction re-run after a conflict (PostgreSQL) starts over: no work left from the attempt that was rolled back.
          afterCommit.length = 0;
          const outcome = await this.process(tx, event, upload, afterCommit, graceOver);
          // Kept with the event until the platform accepted them (`repliesDelivered`): a crash before that, and the redelivery sends them.
          if (outcome.record && outcome.replies.length > 0)
            await tx.recordReplies(event.platform, event.id, outcome.record.userId, serializeReplies(outcome.replies));
          return outcome;
        },
        // Another instance may hold this chat's next update: the chat's lock makes them take turns (the in-process lock is the fast path).
        { chat: { platform: event.platform, chatId: event.chatId } },
      );
    let outcome = await attempt(false);
    if (outcome.unconfirmedSince) {
      // A redelivery while the replies may still be on their way: wait out the grace, then look again.
      const waitMs = outcome.unconfirmedSince.getTime() + REDELIVERY_GRACE_MS - this.clock().getTime();
      await new Promise((resolve) => setTimeout(resolve, Math.min(REDELIVERY_GRACE_MS, Math.max(0, waitMs))));
      outcome = await attempt(true);
    }
    const { replies, record, unread } = outcome;
    for (const task of afterCommit) {
      await task().catch((error: unknown) =>
        this.deps.logger.error({ error: errorSummary(error), platform: event.platform }, "after-commit task failed"),
      );
    }
    if (record) observeHandledEvent(this.metrics, event, upload, replies);
    if (record && lateRead) this.reading?.followUp(event, lateRead);
    if (record) this.reading?.readLeftUnread(event, unread ?? []);
    return { replies, duplicate: record === null };
  }

  private async process(
    tx: StoreTransaction,
    event: ChatEvent,
    upload: PreparedUpload | undefined,
    afterCommit: EffectContext["afterCommit"],
    graceOver: boolean,
  ): Promise<{ replies: Reply[]; record: { userId: string | null } | null; unconfirmedSince?: Date; unread?: string[] }> {
    const now = this.clock();
    if (!(await tx.markEventProcessed(event.platform, event.id, now)))
      return {
        ...(await redeliveredReplies(tx, event, { now, graceOver, logger: this.deps.logger })),
        record: null,
      };
    const { settings } = this.deps;
    const desk = {
      tx,
      event,
      now,
      reviewers: this.reviewers,
      cardLocale: settings.reviewLocale ?? settings.defaultLocale,
      supportContact: settings.supportContact,
      channels: this.effectDeps.channels,
      policy: settings.review ?? DEFAULT_REVIEW_POLICY,
      timeZone: settings.timeZone,
      afterCommit,
      metrics: this.metrics,
    };
    // A review room is shared and not anyone's conversation: only review actions and notes count there.
    if (this.reviewers.isReviewRoom(event.platform, event.chatId))
      return {
        replies: (await reviewerEvent({ ...desk, reviewerLocale: await roomReviewerLocale(tx, event, desk.cardLocale) })) ?? [],
        record: { userId: null },
      };
    // A reviewer who never chose a language is told things in the review desk's (`REVIEW_LOCALE`), like its cards.
    const fallbackLocale = this.reviewers.isReviewer(event.platform, event.userId) ? desk.cardLocale : settings.defaultLocale;
    const platformLocale = localeFromTag(event.locale, fallbackLocale);
    const chat = { platform: event.platform, chatId: event.chatId, platformUserId: event.userId };
    const today = localDate(now, settings.timeZone);
    const { user, conversation } = await tx.openChat(chat, platformLocale, now);
    const forReviewer = await reviewerEvent({ ...desk, reviewerLocale: user.locale as Locale });
    if (forReviewer) return { replies: forReviewer, record: { userId: user.id } };
    const loadRecord = async () => userRecord(user.account, await tx.applicationHistory(user.id), today);
    let record = await loadRecord();
    // Read only when the user asks for their status: every other event would pay a statement for nothing.
    const waiting = asksForStatus(event) ? await tx.waitingSupportRequest(user.id) : null;
    const stampOf = (current: UserRecord): EventStamp => ({
      now: now.getTime(),
      record: current,
      supportContact: settings.supportContact,
      ...(settings.supportAnswerDays ? { supportAnswerDays: settings.supportAnswerDays } : {}),
      smsAvailable: settings.smsAvailable ?? true,
      retention: settings.retention ?? DEFAULT_RETENTION,
      timeZone: settings.timeZone,
      resultChannels: this.effectDeps.channels,
      ...(settings.officialChannels ? { officialChannels: settings.officialChannels } : {}),
      ...(this.reviewers.isReviewer(event.platform, event.userId) ? { reviewer: true } : {}),
      ...(waiting ? { waitingSupport: { reference: waiting.reference, since: waiting.createdAt } } : {}),
    });

    const restored = restoreConversation(conversation);
    if (restored.kind === "reset")
      this.deps.logger.warn({ platform: event.platform }, "conversation snapshot could not be resumed; reset to the menu");
    // A late read concerns a conversation in progress: one reset or erased meanwhile has nothing to hear about it.
    if (event.kind === "document_read" && restored.kind !== "resumed") return { replies: [], record: { userId: user.id } };
    let snapshot =
      restored.kind === "resumed"
        ? restored.snapshot
        : startConversation({ locale: user.locale as Locale, draft: (await tx.loadDraft(user.id)) ?? EMPTY_DRAFT });
    const startDraft = snapshot.context.draft;
    const startLocale = snapshot.context.locale;

    const contents: ReplyContent[] = restored.kind === "reset" ? [{ body: [msg("snapshot.reset")] }] : [];
    /** The question pending in this state: shown after the replies, and whose buttons a typed label presses. */
    const stepPrompt = (current: typeof snapshot) =>
      promptFor(current.value as ConversationState, current.context, {
        record,
        platform: event.platform,
        smsAvailable: settings.smsAvailable ?? true,
        retention: settings.retention ?? DEFAULT_RETENTION,
        timeZone: settings.timeZone,
        resultChannels: this.effectDeps.channels,
        photosBeingChecked: this.reading?.photosBeingChecked(chatKeyOf(event), current.context.draft) ?? [],
      });
    const effects: EffectContext = {
      deps: this.effectDeps,
      tx,
      event,
      user,
      now,
      upload,
      afterCommit,
      outgoing: [],
      locale: snapshot.context.locale,
    };
    let prompted = false;
    // After a reset the message was an answer to a question that no longer exists: show the menu instead of guessing.
    const queue: ConversationEvent[] =
      restored.kind === "reset"
        ? []
        : firstEvents(event, { isNewChat: restored.kind === "new", stamp: stampOf(record), upload, asked: () => stepPrompt(snapshot) });
    const first = queue[0];
    if (first?.type === "user.text" && first.faq?.topic === "notification-missing") {
      const contact = await tx.latestContactDetails(user.id);
      const last = await tx.latestNotification(user.id);
      if (contact)
        queue[0] = { ...first, contact: { ...contact, ...(last ? { lastDeliveries: last.deliveries, lastAt: last.createdAt } : {}) } };
    }
    // A pending code is checked against the typed text's keyed digest: the key stays here, out of the machine and its snapshot.
    const pending = snapshot.context.code;
    const typed = queue[0];
    if (typed?.type === "user.text" && pending?.salt) {
      queue[0] = { ...typed, codeDigest: codeDigest(this.deps.codeKey, pending.salt, pending.phone, typed.text) };
    }
    while (queue.length > 0) {
      const [next, outputs] = this.transition(snapshot, queue.shift()!);
      snapshot = next;
      for (const output of outputs) {
        if (output.type === "reply") {
          const { type: _reply, ...content } = output;
          contents.push(content);
        } else if (output.type === "prompt") prompted = true;
        else {
          const result = await performEffect(output, { ...effects, locale: snapshot.context.locale });
          if (!result) continue;
          // What follows (the menu, the situation) must read the application as this effect left it.
          if (RECORD_CHANGING.has(result.type)) record = await loadRecord();
          queue.push({ ...result, ...stampOf(record) });
        }
      }
    }
    const promptLast = prompted || restored.kind !== "resumed";
    if (promptLast) contents.push(stepPrompt(snapshot));

    if (snapshot.context.draft !== startDraft) await tx.saveDraft(user.id, snapshot.context.draft, now);
    if (snapshot.context.locale !== startLocale) await tx.setUserLocale(user.id, snapshot.context.locale);
    await tx.saveConversation(event.platform, event.chatId, user.id, persistConversation(snapshot), now);

    const locale = snapshot.context.locale;
    const said = saidOnce(withoutRestatedPrompt(contents)).map((content) => ({ locale, ...content }));
    return {
      replies: inReadingOrder(said, effects.outgoing, chat, promptLast),
      record: { userId: user.id },
      unread: unreadDocuments(snapshot.context.draft),
    };
  }
}

import type { ChatEvent } from "../chat/chat-event.js";
import type { Reply } from "../chat/reply.js";
import type { ReadDocument } from "../documents/document-reader.js";
import type { DocumentStore } from "../documents/document-store.js";
import { DOCUMENT_SLOTS, type DocumentSlot, type Draft } from "../domain/application.js";
import type { DocumentRead } from "../domain/document-read.js";
import { errorSummary, type Logger } from "../runtime/logger.js";
import type { Metrics } from "../runtime/metrics.js";
import type { PreparedUpload } from "./effects/effect.js";

/** How long a photo's reply waits for its read (OCR); a slower read follows as a message of its own. */
const DEFAULT_READ_WAIT_MS = 2_000;
/** How long a chat's next event waits for that chat's reads still running, so their findings come first (default 5 s). */
const DEFAULT_NEXT_EVENT_WAIT_MS = 5_000;
/** Photos remembered as read (or being read) by this process, at most. */
const MAX_REMEMBERED_READS = 10_000;

/** Sends a message to a chat outside any event's answer (a late read's finding); throws when it could not be sent. */
export type FollowUpSender = (reply: Reply & { to: NonNullable<Reply["to"]> }) => Promise<void>;
/** A follow-up the platform refused is tried again after these pauses, then given up (logged). */
const SEND_RETRY_DELAYS_MS = [1_000, 5_000];

/** A read in progress in a chat: `done` once its finding was followed up, or it was dropped. */
interface RunningRead {
  done: Promise<void>;
  finish: () => void;
  followedUp: boolean;
}

/** The key a chat's events are handled in order under (the engine's lock), and its reads are tracked by. */
export const chatKeyOf = (event: Pick<ChatEvent, "platform" | "chatId">) => `${event.platform}:${event.chatId}`;

/** A read that did not finish in time for its photo's reply, and which photo it is. */
export interface LateRead {
  documentId: string;
  read: Promise<DocumentRead | null>;
}

export interface PhotoReadingDependencies {
  readDocument: ReadDocument;
  documents: DocumentStore;
  logger: Logger;
  metrics: Metrics;
  /** Default 2 s. */
  waitMs: number | undefined;
  /** Default 5 s. */
  nextEventWaitMs: number | undefined;
  /** The engine's own entry: a late read is handled as an event of the photo's chat. */
  handle: (event: ChatEvent) => Promise<Reply[]>;
  /** The engine's confirmation that an event's replies reached the platform. */
  delivered: (event: ChatEvent) => void;
}

/**
 * The engine's reading of photos (OCR): a photo's reply waits for its read at most `waitMs`; a
 * slower read — or one lost to a restart, done again at the chat's next event — becomes an event
 * of its own (`document_read`), whose replies go out through the follow-up sender.
 */
export class PhotoReading {
  private followUpSender: FollowUpSender | undefined;
  private readonly followUps = new Set<Promise<void>>();
  /** Photos whose read this process started: each is read once, whatever comes of it. */
  private readonly readsStarted = new Set<string>();
  /** Reads still running, by chat and photo, each done once its finding was followed up (or dropped). */
  private readonly running = new Map<string, Map<string, RunningRead>>();
  private readonly waitMs: number;
  private readonly nextEventWaitMs: number;

  constructor(private readonly deps: PhotoReadingDependencies) {
    this.waitMs = deps.waitMs ?? DEFAULT_READ_WAIT_MS;
    this.nextEventWaitMs = deps.nextEventWaitMs ?? DEFAULT_NEXT_EVENT_WAIT_MS;
  }

  /**
   * Waits (at most 5 s) until the chat's reads still running have been followed up, so a finding
   * about a photo is told before the chat's next reply — above all before the summary offers Submit.
   */
  async waitForRunningReads(chatKey: string): Promise<void> {
    const reads = this.running.get(chatKey);
    if (!reads || reads.size === 0 || this.nextEventWaitMs <= 0) return;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, this.nextEventWaitMs);
    });
    await Promise.race([Promise.all([...reads.values()].map((read) => read.done)), timeout]);
    clearTimeout(timer);
  }

  /** The draft's photos whose read is still running in this chat: the summary says they are still being checked. */
  photosBeingChecked(chatKey: string, draft: Draft): DocumentSlot[] {
    const reads = this.running.get(chatKey);
    if (!reads) return [];
    return DOCUMENT_SLOTS.filter((slot) => {
      const id = draft.documents[slot]?.id;
      return id !== undefined && reads.has(id);
    });
  }

  /** A late read whose event ended without a follow-up (a failure, a duplicate): nothing waits for it any more. */
  dropLateRead(chatKey: string, late: LateRead): void {
    const running = this.running.get(chatKey)?.get(late.documentId);
    if (running && !running.followedUp) running.finish();
  }

  sendFollowUpsWith(sender: FollowUpSender): void {
    this.followUpSender = sender;
  }

  async settled(): Promise<void> {
    while (this.followUps.size > 0) await Promise.all([...this.followUps]);
  }

  /**
   * Reads an accepted photo, waiting at most `waitMs`: a read in time goes with the upload into
   * the conversation; a slower one is handed back, to follow the photo's reply.
   */
  async readInTime(chatKey: string, prepared: PreparedUpload): Promise<{ upload: PreparedUpload; lateRead?: LateRead }> {
    const document = prepared.upload.document;
    if (!prepared.accepted || !document) return { upload: prepared };
    this.noteReadStarted(document.id);
    const started = performance.now();
    const read = this.deps.readDocument(prepared.accepted.keep).then((result) => {
      const ms = performance.now() - started;
      this.deps.metrics.documentRead(!result ? "not_read" : ms <= this.waitMs ? "in_time" : "late", ms / 1000);
      return result;
    });
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<"late">((resolve) => {
      timer = setTimeout(() => resolve("late"), this.waitMs);
    });
    const inTime = await Promise.race([read, waited]);
    clearTimeout(timer);
    if (inTime === "late") {
      this.noteRunning(chatKey, document.id);
      return { upload: prepared, lateRead: { documentId: document.id, read } };
    }
    return { upload: inTime ? { ...prepared, upload: { ...prepared.upload, read: inTime } } : prepared };
  }

  /**
   * Photos in the draft that were never read — their read was lost to a restart, or they were
   * kept before reading was on — are read now, once per process, and followed up like a slow read.
   */
  readLeftUnread(event: ChatEvent, documentIds: readonly string[]): void {
    for (const documentId of documentIds) {
      if (this.readsStarted.has(documentId)) continue;
      this.noteReadStarted(documentId);
      const read = this.deps.documents.get(documentId).then((image) => this.deps.readDocument(image));
      this.followUp(event, { documentId, read });
    }
  }

  /**
   * A late read becomes an event of its own in the photo's chat (the conversation decides whether
   * it still concerns the photo in the draft), and its replies are sent as a follow-up message.
   */
  followUp(event: ChatEvent, late: LateRead): void {
    const { platform, chatId, userId, locale, workspace } = event;
    const running = this.noteRunning(chatKeyOf(event), late.documentId);
    running.followedUp = true;
    const task = late.read
      .then(async (read) => {
        if (!read) return;
        const readEvent: ChatEvent = {
          // One per photo and triggering event: unique, and the same should that event be handled again.
          id: `${event.id}:read:${late.documentId.slice(0, 16)}`,
          platform,
          chatId,
          userId,
          ...(locale ? { locale } : {}),
          ...(workspace ? { workspace } : {}),
          kind: "document_read",
          documentId: late.documentId,
          read,
        };
        const replies = await this.deps.handle(readEvent);
        if (replies.length === 0) return;
        for (const reply of replies) await this.send({ ...reply, to: reply.to ?? { platform, chatId } });
        this.deps.delivered(readEvent);
      })
      .catch((error: unknown) =>
        this.deps.logger.error({ platform, error: errorSummary(error) }, "a photo's late read could not be followed up"),
      )
      .finally(() => {
        this.followUps.delete(task);
        running.finish();
      });
    this.followUps.add(task);
  }

  /** Notes a read as running in a chat (once per photo); finishing it releases whoever waits for it. */
  private noteRunning(chatKey: string, documentId: string): RunningRead {
    const reads = this.running.get(chatKey) ?? new Map();
    this.running.set(chatKey, reads);
    const existing = reads.get(documentId);
    if (existing) return existing;
    let release = () => {};
    const done = new Promise<void>((resolve) => {
      release = resolve;
    });
    const finish = () => {
      release();
      if (reads.get(documentId)?.done !== done) return;
      reads.delete(documentId);
      if (reads.size === 0 && this.running.get(chatKey) === reads) this.running.delete(chatKey);
    };
    const entry: RunningRead = { done, finish, followedUp: false };
    reads.set(documentId, entry);
    return entry;
  }

  /** Sends one follow-up, trying again while the platform refuses it (it has no update to be redelivered with). */
  private async send(reply: Reply & { to: NonNullable<Reply["to"]> }): Promise<void> {
    if (!this.followUpSender) throw new Error("no follow-up sender is set");
    for (const delayMs of [...SEND_RETRY_DELAYS_MS, null]) {
      try {
        return await this.followUpSender(reply);
      } catch (error) {
        if (delayMs === null) throw error;
        this.deps.logger.warn(
          { platform: reply.to.platform, error: errorSummary(error), retryInMs: delayMs },
          "a follow-up could not be sent",
        );
        await new Promise((resolve) => setTimeout(resolve, delayMs));
      }
    }
  }

  /** Remembers a photo's read was started here (a bounded memory: forgetting one costs one more read). */
  private noteReadStarted(documentId: string): void {
    if (this.readsStarted.size >= MAX_REMEMBERED_READS) this.readsStarted.clear();
    this.readsStarted.add(documentId);
  }
}

import type { ChatAddress, Platform } from "../domain/platform.js";
import type { AccountStatus } from "../domain/user-record.js";

export interface ChatKey {
  platform: Platform;
  chatId: string;
  platformUserId: string;
}

export interface StoredUser {
  id: string;
  locale: string;
  account: AccountStatus;
}

export interface StoredConversation {
  machineVersion: number;
  snapshot: unknown;
}

export interface OpenedChat {
  user: StoredUser;
  conversation: StoredConversation | null;
}

/** Users, their platform accounts, their chats' conversation snapshots and the events already handled. */
export interface ConversationStore {
  /**
   * Keeps an event's replies (serialized; sealed at rest) with its processed-event record until
   * `confirmReplies`: if the process dies before the platform accepted them, the redelivered update
   * finds them. `userId`: whose they are (null in a review room).
   */
  recordReplies(platform: Platform, eventId: string, userId: string | null, replies: string): Promise<void>;
  /**
   * The replies of an event processed before `processedBefore` whose sending was never confirmed,
   * forgotten as they are returned: a redelivery sends them once more, at most. Processed later,
   * with replies still unconfirmed: when it was processed (its sender may be at work right now).
   * Null: nothing is left to send.
   */
  takeUnconfirmedReplies(
    platform: Platform,
    eventId: string,
    processedBefore: Date,
  ): Promise<{ replies: string; sent: number } | { processedAt: Date } | null>;
  /** Records the platform event id; false when it was recorded before (a redelivery). */
  markEventProcessed(platform: Platform, eventId: string, at: Date): Promise<boolean>;
  /** Forgets event ids recorded before `before`: redeliveries come within hours, not weeks. Returns how many. */
  pruneProcessedEvents(before: Date): Promise<number>;
  /** Forgets the replies still kept for events processed before `before` (no redelivery can come for them now). Returns how many. */
  forgetKeptReplies(before: Date): Promise<number>;
  /**
   * The user behind a platform account (created on first contact with `locale`)
   * and the chat's stored conversation, in one round trip: every event needs both.
   */
  openChat(chat: ChatKey, locale: string, at: Date): Promise<OpenedChat>;
  setUserLocale(userId: string, locale: string): Promise<void>;
  saveConversation(platform: Platform, chatId: string, userId: string, conversation: StoredConversation, at: Date): Promise<void>;
  /** The user behind a platform account; null when that account never wrote to the assistant. */
  findUserId(platform: Platform, platformUserId: string): Promise<string | null>;
  /** The language a platform account chose (`/lang`, or its platform's at first contact); null when it never wrote. */
  userLocale(platform: Platform, platformUserId: string): Promise<string | null>;
  /** Where and in which language to tell a user about their application: their most recent chat. */
  applicantChat(userId: string): Promise<{ address: ChatAddress | null; locale: string } | null>;
}

/**
 * The platform accepted an event's replies: all of them, or (`sent`) the first `sent` of those for the
 * event's own chat, the others still on their way.
 */
export interface ReplyConfirmation {
  platform: Platform;
  eventId: string;
  sent?: number;
}

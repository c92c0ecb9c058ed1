/** How long personal data is kept (`RETENTION_DAYS`, `CONVERSATION_RETENTION_DAYS`): enforced by the purge, told to users. */
export interface RetentionPolicy {
  /** Days after a final decision before an application's personal data and documents are erased; also messages and support texts. */
  retentionDays: number;
  /** Days a conversation (and its draft) may stay idle before it is erased. */
  conversationRetentionDays: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = { retentionDays: 90, conversationRetentionDays: 30 };

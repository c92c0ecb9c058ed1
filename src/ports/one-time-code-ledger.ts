/** When codes were sent and wrong codes typed, for the 24-hour limits (`src/domain/one-time-code.ts`). */
export interface CodeHistory {
  sentToPhone: Date[];
  sentByUser: Date[];
  wrongForPhone: Date[];
}

/**
 * The one-time codes sent and wrong codes typed, per phone number and per user, both as keyed hashes: the
 * ledger holds nothing personal, so erasing a user's data leaves it alone (the limits must outlive erasure).
 */
export interface OneTimeCodeLedger {
  recordCodeEvent(event: { phoneHash: string; userHash: string; kind: "sent" | "wrong"; at: Date }): Promise<void>;
  codeHistory(phoneHash: string, userHash: string, since: Date): Promise<CodeHistory>;
  /** Drops what no limit counts any more (older than the window). */
  forgetCodeEventsBefore(before: Date): Promise<void>;
}

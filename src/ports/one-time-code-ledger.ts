/** When codes were sent and wrong codes typed, for the 24-hour limits (`src/domain/one-time-code.ts`). */
export interface CodeHistory {
  sentToPhone: Date[];
  sentByUser: Date[];
  wrongForPhone: Date[];
}

/** The one-time codes sent and wrong codes typed, per phone number (as a keyed hash) and per user. */
export interface OneTimeCodeLedger {
  recordCodeEvent(event: { phoneHash: string; userId: string; kind: "sent" | "wrong"; at: Date }): Promise<void>;
  codeHistory(phoneHash: string, userId: string, since: Date): Promise<CodeHistory>;
}

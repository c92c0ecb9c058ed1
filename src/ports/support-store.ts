import type { Platform } from "../domain/platform.js";

export interface NewSupportRequest {
  reference: string;
  userId: string;
  platform: Platform;
  platformUserId: string;
  /** The question the assistant could not answer, if the request followed one. */
  question: string | null;
  at: Date;
}

export interface SupportRequestEntry {
  reference: string;
  platform: string;
  user: string;
  question: string | null;
  createdAt: string;
  /** When the team answered with `support reply`; null while it waits. */
  answeredAt: string | null;
}

/** Requests for a person, listed with `cli support list` and answered with `cli support reply`. */
export interface SupportStore {
  recordSupportRequest(request: NewSupportRequest): Promise<void>;
  /** The request's user and whether it was answered; null for an unknown reference. */
  supportRequest(reference: string): Promise<{ userId: string; answeredAt: string | null } | null>;
  markSupportAnswered(reference: string, at: Date): Promise<void>;
  /** The user's newest request the team has not answered yet, with its text (opened); null if none waits. */
  waitingSupportRequest(userId: string): Promise<{ reference: string; question: string | null; createdAt: string } | null>;
  /** Replaces a request's text (a message the user added to it while it waited). */
  setSupportQuestion(reference: string, userId: string, question: string): Promise<void>;
}

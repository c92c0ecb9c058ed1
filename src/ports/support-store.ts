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
}

/** Requests for a person, visible to reviewers with `cli support list`. */
export interface SupportStore {
  recordSupportRequest(request: NewSupportRequest): Promise<void>;
}

import type { IsoDate } from "../domain/business-days.js";
import type { Platform } from "../domain/platform.js";
import type { ApplicationStatusView } from "../ports/operator-store.js";
import type { Store } from "../ports/store.js";
import { findUserRecord } from "./user-records.js";

/**
 * A platform user's verification as other services see it (`cli status --json`, the status API):
 * account status, whether verified, the current application — no personal data.
 */
export interface VerificationStatusView {
  platform: Platform;
  user: string;
  account: string;
  verified: boolean;
  application: {
    reference: string;
    status: string;
    method: string;
    submittedAt: string;
    expectedBy: string;
    reasons: string[];
  } | null;
}

/** Null when that platform user never wrote to the assistant. */
export async function verificationStatus(
  store: Pick<Store, "findUser">,
  platform: Platform,
  user: string,
  today: IsoDate,
): Promise<VerificationStatusView | null> {
  const record = await findUserRecord(store, platform, user, today);
  if (!record) return null;
  const a = record.application;
  return {
    platform,
    user,
    account: record.account,
    verified: record.verified,
    application: a && {
      reference: a.reference,
      status: a.status,
      method: a.method,
      submittedAt: a.submittedAt,
      expectedBy: a.expectedBy,
      reasons: a.reasons,
    },
  };
}

/** One application by reference, as other services see it; null for an unknown reference. */
export function applicationStatus(store: Pick<Store, "operator">, reference: string): Promise<ApplicationStatusView | null> {
  return store.operator().applicationStatus(reference);
}

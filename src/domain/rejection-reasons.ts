import { type Method, type Step, stepsFor } from "./application.js";

/**
 * Why a reviewer may reject an application. Codes are stable (stored, shown
 * in the CLI, used by the FAQ); `final` reasons forbid resubmission, and
 * `reask` lists the answers a resubmission asks again (the rest is pre-filled;
 * steps the application's method does not have are ignored).
 */
export const REJECTION_REASONS = {
  details_mismatch: { final: false, reask: ["name", "idNumber", "companyName", "uscc", "legalRepName", "legalRepId"] },
  incomplete: { final: false, reask: ["idFront", "idBack", "licence", "legalRepFront", "legalRepBack"] },
  document_unclear: { final: false, reask: ["idFront", "idBack", "licence", "legalRepFront", "legalRepBack"] },
  document_invalid: { final: false, reask: ["idFront", "idBack", "licence", "legalRepFront", "legalRepBack"] },
  document_side_missing: { final: false, reask: ["idFront", "idBack", "legalRepFront", "legalRepBack"] },
  false_information: { final: true, reask: [] },
  not_eligible: { final: true, reask: [] },
} as const satisfies Record<string, { final: boolean; reask: readonly Step[] }>;

export type RejectionReason = keyof typeof REJECTION_REASONS;
export const REJECTION_REASON_CODES = Object.keys(REJECTION_REASONS) as RejectionReason[];

export function isRejectionReason(code: string): code is RejectionReason {
  return code in REJECTION_REASONS;
}

/** A rejection may be followed by a new attempt unless one of its reasons is final. */
export function mayResubmit(reasons: readonly RejectionReason[]): boolean {
  return reasons.every((reason) => !REJECTION_REASONS[reason].final);
}

/**
 * The reasons that can be true of an application of `method`: a final one always; another only when
 * something it asks again is part of the method (no "a side of the ID card was missing" for the phone method).
 */
export function reasonsFor(method: Method | undefined): RejectionReason[] {
  const steps = new Set<Step>(stepsFor(method));
  return REJECTION_REASON_CODES.filter((code) => {
    const { final, reask } = REJECTION_REASONS[code];
    return final || reask.some((step) => steps.has(step));
  });
}

/** The answers a resubmission asks again, in flow order. */
export function stepsToReask(reasons: readonly RejectionReason[]): Step[] {
  return [...new Set(reasons.flatMap((reason) => REJECTION_REASONS[reason].reask))];
}

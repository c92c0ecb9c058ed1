import type { Draft } from "./application.js";
import { maskIdNumber, maskPhone } from "./masking.js";

/**
 * The numbers that identify a person or a company in an application: ID
 * numbers (the applicant's, a legal representative's) and the unified social
 * credit code, each tagged with its kind so an ID number never equals a code.
 * Their keyed digests find the same number in another application (a
 * duplicate) without keeping the number.
 */
export function identityNumbers(draft: Draft): string[] {
  const numbers = [
    draft.idNumber && `id:${draft.idNumber.toUpperCase()}`,
    draft.legalRepIdNumber && `id:${draft.legalRepIdNumber.toUpperCase()}`,
    draft.uscc && `uscc:${draft.uscc.toUpperCase()}`,
  ];
  return [...new Set(numbers.filter((number): number is string => Boolean(number)))];
}

/** The applicant's phone, tagged: with the ID numbers, it recognises one person behind two accounts. */
export function phoneNumbers(draft: Draft): string[] {
  return draft.phone ? [`phone:${draft.phone}`] : [];
}

/**
 * What stays of an application's numbers once its personal data is erased: the
 * identifying number of its method, masked — enough for the owner and support to
 * recognise which application it was, never enough to reuse.
 */
export function maskedIdentity(draft: Draft): string | null {
  if (draft.method === "enterprise" && draft.uscc) return maskIdNumber(draft.uscc);
  if (draft.method === "phone" && draft.phone) return maskPhone(draft.phone);
  return draft.idNumber ? maskIdNumber(draft.idNumber) : null;
}

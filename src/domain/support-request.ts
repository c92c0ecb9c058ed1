/** The longest text a support request keeps: the first question and what the user added while it waited. */
export const MAX_SUPPORT_TEXT = 2000;

/**
 * A request's text with a message the user added while it waited, a blank line apart. Past the limit the
 * oldest words give way (marked "…"): the newest message is what the user expects the team to read.
 */
export function withAddedMessage(text: string | null, added: string): string {
  const joined = text ? `${text}\n\n${added}` : added;
  return joined.length <= MAX_SUPPORT_TEXT ? joined : `…${joined.slice(joined.length - MAX_SUPPORT_TEXT + 1)}`;
}

/** Long texts as several messages, for platforms that limit a message's length (Telegram 4,096; Slack sections 3,000). */

/**
 * Splits a text into messages of at most `limit` characters, breaking at the
 * last line break or space in the window (which is dropped) when there is
 * one in its second half, otherwise hard, but never inside a surrogate pair.
 */
export function splitText(text: string, limit: number): string[] {
  const chunks: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    const window = rest.slice(0, limit + 1);
    const breakAt = Math.max(window.lastIndexOf("\n"), window.lastIndexOf(" "));
    if (breakAt >= limit / 2) {
      chunks.push(rest.slice(0, breakAt));
      rest = rest.slice(breakAt + 1);
    } else {
      const cut = isHighSurrogate(rest.charCodeAt(limit - 1)) ? limit - 1 : limit;
      chunks.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
  }
  chunks.push(rest);
  return chunks;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

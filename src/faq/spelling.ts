/**
 * Reads a misspelt English word as the word the examples use ("documnets" → "documents",
 * "verificaiton" → "verification"): one letter left out, added, changed, or two swapped. Only words
 * no example has, of six letters or more, are corrected, and only to a word the examples have — so a
 * correction can add a known word, never invent one. Built once with the matcher; a question costs a
 * few map lookups per unknown word.
 */
const SHORTEST_CORRECTED = 6;
const CORRECTABLE = new RegExp(`[a-z]{${SHORTEST_CORRECTED},}`, "g");

export class SpellingCorrector {
  private readonly known = new Map<string, number>();
  /** Each known word, and each of its one-letter deletions, → the most frequent known word it comes from. */
  private readonly deletions = new Map<string, string>();

  constructor(normalizedTexts: Iterable<string>) {
    for (const text of normalizedTexts) {
      for (const word of text.match(/[a-z]+/g) ?? []) this.known.set(word, (this.known.get(word) ?? 0) + 1);
    }
    const byFrequency = [...this.known].sort((a, b) => b[1] - a[1]);
    for (const [word] of byFrequency) {
      if (word.length < SHORTEST_CORRECTED - 1) continue;
      for (const variant of [word, ...oneDeleted(word)]) if (!this.deletions.has(variant)) this.deletions.set(variant, word);
    }
  }

  correct(normalized: string): string {
    return normalized.replace(CORRECTABLE, (word) => (this.known.has(word) ? word : (this.closest(word) ?? word)));
  }

  /** The most frequent known word one letter away: examples carry typos of their own ("documnts"), rarer than the word. */
  private closest(word: string): string | undefined {
    const candidates: string[] = [];
    const deleted = oneDeleted(word);
    // A letter added ("documments"): the word less one letter is known.
    for (const variant of deleted) if (this.known.has(variant)) candidates.push(variant);
    // A letter left out ("documens"), changed ("documants") or two swapped ("documnets"): they share a deletion.
    for (const variant of [word, ...deleted]) {
      const match = this.deletions.get(variant);
      if (match) candidates.push(match);
    }
    let best: string | undefined;
    for (const candidate of candidates) if (!best || this.known.get(candidate)! > this.known.get(best)!) best = candidate;
    return best;
  }
}

function oneDeleted(word: string): string[] {
  return Array.from({ length: word.length }, (_, index) => word.slice(0, index) + word.slice(index + 1));
}

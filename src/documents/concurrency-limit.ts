import type { DocumentCheck } from "./document-check.js";

/**
 * At most `max` photo checks at once; the others wait their turn in order.
 * Decoding a large photo takes a core and ~100 MB for a second: without a
 * cap, a burst of uploads would take every core and the memory with it.
 */
export function limitConcurrency(check: DocumentCheck, max: number): DocumentCheck {
  let running = 0;
  const waiting: Array<() => void> = [];
  return async (bytes) => {
    if (running >= max) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await check(bytes);
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}

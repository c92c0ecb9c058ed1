import { describe, expect, it } from "vitest";
import { SpellingCorrector } from "../../src/faq/spelling.js";

const corrector = new SpellingCorrector([
  "what documents are required",
  "verification failed",
  "verification steps",
  "notification missing",
]);

describe("SpellingCorrector", () => {
  it("reads a word one letter away from a known word as that word: a letter swapped, left out, added or changed", () => {
    expect(corrector.correct("what documnets are required")).toBe("what documents are required");
    expect(corrector.correct("my verificaton")).toBe("my verification");
    expect(corrector.correct("documments")).toBe("documents");
    expect(corrector.correct("notifucation")).toBe("notification");
  });

  it("prefers the most frequent known word when the examples carry a typo of their own", () => {
    const withTypo = new SpellingCorrector(["documents needed", "which documents", "documents list", "fake documnts"]);
    expect(withTypo.correct("docuemnts")).toBe("documents");
  });

  it("leaves known words, short words, Chinese and words far from any known one as typed", () => {
    expect(corrector.correct("verification failed")).toBe("verification failed");
    expect(corrector.correct("stpes")).toBe("stpes");
    expect(corrector.correct("认证 documnets")).toBe("认证 documents");
    expect(corrector.correct("guitar lessons")).toBe("guitar lessons");
  });
});

import { afterEach, describe, expect, it } from "vitest";
import { limitConcurrency } from "../../src/documents/concurrency-limit.js";
import { createDocumentCheck, type DocumentCheck } from "../../src/documents/document-check.js";
import { DEFAULT_DOCUMENT_RULES } from "../../src/domain/document-rules.js";
import { createHarness, type Harness, keys, readable, registerForIdCard } from "../helpers/harness.js";
import { minimalGoodJpeg } from "../helpers/hostile-files.js";

let harness: Harness | undefined;
afterEach(() => harness?.close());

/** The real check, counting how often it ran. */
function countingCheck(): { check: DocumentCheck; calls: () => number } {
  const real = createDocumentCheck(DEFAULT_DOCUMENT_RULES);
  let calls = 0;
  return {
    check: (bytes) => {
      calls++;
      return real(bytes);
    },
    calls: () => calls,
  };
}

describe("uploads", () => {
  it("are decoded only where a document step waits for one; elsewhere they are explained and never decoded", async () => {
    const counting = countingCheck();
    harness = await createHarness({ checkDocument: counting.check });
    const photo = await minimalGoodJpeg();
    const chat = harness.chat("alice");
    expect(keys(await chat.file(photo))).toContain("document.beforeMethod");
    await chat.press("start");
    expect(keys(await chat.file(photo))).toEqual(["document.beforeMethod", "ask.name"]);
    expect(counting.calls()).toBe(0);
    await chat.text("Probe Person");
    await chat.text("alice@example.com");
    await chat.text("13812348000");
    await chat.press("method.id_card");
    await chat.text("11010519491231002X");
    expect(keys(await chat.file(photo))).toEqual(["document.received", "ask.idBack"]);
    expect(counting.calls()).toBe(1);
  });

  it("at most 10 per user in 10 minutes: the 11th is refused with the wait, without being decoded", async () => {
    const counting = countingCheck();
    const start = new Date("2026-11-23T02:00:00Z");
    harness = await createHarness({ checkDocument: counting.check, now: start });
    const chat = harness.chat("alice");
    await registerForIdCard(chat);
    await chat.text("11010519491231002X");
    const blurry = Buffer.from("not an image at all");
    for (let i = 0; i < 10; i++)
      expect(keys(await chat.file(blurry))).toEqual(["document.rejected", "document.problemLine", "ask.idFront"]);
    const refused = await chat.file(await minimalGoodJpeg());
    expect(readable(refused)).toContain("Please wait 10 min");
    expect(counting.calls()).toBe(10);
    harness.setNow(new Date(start.getTime() + 10 * 60_000 + 1));
    expect(keys(await chat.file(await minimalGoodJpeg()))).toEqual(["document.received", "ask.idBack"]);
  });

  it("DOC_CHECK_CONCURRENCY: at most that many checks at once, the rest wait their turn in order", async () => {
    let running = 0;
    let most = 0;
    const finished: number[] = [];
    const releases: Array<() => void> = [];
    const slow: DocumentCheck = async (bytes) => {
      running++;
      most = Math.max(most, running);
      await new Promise<void>((resolve) => releases.push(resolve));
      running--;
      finished.push(bytes[0]!);
      return { problems: [], warnings: [], format: null, width: null, height: null, accepted: null };
    };
    const limited = limitConcurrency(slow, 2);
    const all = Promise.all([1, 2, 3, 4, 5].map((n) => limited(Buffer.from([n]))));
    for (let released = 0; released < 5; released++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(running).toBeLessThanOrEqual(2);
      releases.shift()?.();
    }
    await all;
    expect(most).toBe(2);
    expect(finished).toEqual([1, 2, 3, 4, 5]);
  });
});

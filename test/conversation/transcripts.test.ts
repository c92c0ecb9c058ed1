import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Locale } from "../../src/i18n/locale.js";
import { parseTranscript, replayTranscript } from "../helpers/transcript.js";

/**
 * The golden transcripts: what users and reviewers read, reviewed as text. Each is replayed and
 * compared exactly; `npm run transcripts:update` rewrites them from their inputs (then read the diff).
 */
const DIR = join(import.meta.dirname, "transcripts");
const UPDATE = process.env.UPDATE_TRANSCRIPTS === "1";
const files = readdirSync(DIR).filter((name) => name.endsWith(".txt"));

describe("golden transcripts", () => {
  it("cover every scenario in both languages", () => {
    const scenarios = (locale: string) =>
      files
        .filter((name) => name.endsWith(`.${locale}.txt`))
        .map((name) => name.slice(0, -`.${locale}.txt`.length))
        .sort();
    expect(scenarios("zh-CN")).toEqual(scenarios("en"));
    expect(scenarios("en").length).toBeGreaterThanOrEqual(9);
  });

  it.each(files)("%s reads as recorded", async (name) => {
    const path = join(DIR, name);
    const recorded = readFileSync(path, "utf8");
    const locale = /\.(en|zh-CN)\.txt$/.exec(name)![1] as Locale;
    const replayed = await replayTranscript(parseTranscript(recorded), locale);
    if (UPDATE) writeFileSync(path, replayed);
    else expect(replayed).toBe(recorded);
  });
});

import { defineConfig } from "vitest/config";
import { HeavyFirstSequencer } from "./test/heavy-first-sequencer.js";
import { heavyTestFiles } from "./test/process-free-tests.js";

// `npm run test:quick`: the edit–test loop, without the files that start processes or OCR workers (`npm test` runs them all).
const quick = process.env.TEST_QUICK === "1";

/**
 * Scenarios whose figures are statistics of a machine's timing (a kill landing between the Bot API's
 * answer and a confirmation's commit): their bounds hold for the scenario run alone, as its benchmark
 * runs it. Beside other files they meet a busier machine and a wider window (19 chats with a duplicate
 * in one CI run against 0–6 alone), so they run after the rest, one at a time.
 */
const ALONE = ["test/reliability/duplicate-replies.test.ts"];

/** What every project shares; the global set-up and the reporters are the run's, set once below. */
const shared = {
  testTimeout: 30_000,
  hookTimeout: 30_000,
  // Each worker keeps its modules from one file to the next instead of importing them again for every
  // file (~100 s of the suite's worker time on 2 cores). Test files hold no global state of their own: no
  // process.env changes, no module mocks, no fake timers; shared singletons (the FAQ matcher) are reset
  // by the files that change them.
  isolate: false,
};

export default defineConfig({
  test: {
    reporters: ["default", "./test/reporters/slowest-files.ts"],
    globalSetup: ["./test/global-setup.ts"],
    // The run's, not a project's: set in a project, it was not used (the slowest file started last).
    sequence: { sequencer: HeavyFirstSequencer },
    projects: [
      {
        test: {
          ...shared,
          name: "suite",
          include: ["test/**/*.test.ts"],
          exclude: ["**/node_modules/**", ...ALONE, ...(quick ? heavyTestFiles(import.meta.dirname) : [])],
          // Vitest's default is one worker fewer than the cores: one file at a time on a 2-core machine. Most files
          // wait (child processes starting, fsyncs, PostgreSQL, timers): with two side by side a third of the CPU
          // was idle, so three run (2026-12-06, 2 cores: 337–348 s against 371–377 s with two; once reading and
          // process starts got cheaper, no test timed out). VITEST_MAX_WORKERS overrides.
          maxWorkers: Number(process.env.VITEST_MAX_WORKERS ?? 3),
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          ...shared,
          name: "alone",
          include: quick ? [] : ALONE,
          maxWorkers: 1,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});

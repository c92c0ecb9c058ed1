import { defineConfig } from "vitest/config";
import { HeavyFirstSequencer } from "./test/heavy-first-sequencer.js";
import { heavyTestFiles } from "./test/process-free-tests.js";

// `npm run test:quick`: the edit–test loop, without the files that start processes or OCR workers (`npm test` runs them all).
const quick = process.env.TEST_QUICK === "1";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["**/node_modules/**", ...(quick ? heavyTestFiles(import.meta.dirname) : [])],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    reporters: ["default", "./test/reporters/slowest-files.ts"],
    globalSetup: ["./test/global-setup.ts"],
    sequence: { sequencer: HeavyFirstSequencer },
    // Each worker keeps its modules from one file to the next instead of importing them again for every
    // file (~100 s of the suite's worker time on 2 cores). Test files hold no global state of their own: no
    // process.env changes, no module mocks, no fake timers; shared singletons (the FAQ matcher) are reset
    // by the files that change them.
    isolate: false,
    // Vitest's default is one worker fewer than the cores: one file at a time on a 2-core machine. Most files
    // wait (child processes starting, fsyncs, PostgreSQL, timers): with two side by side a third of the CPU
    // was idle, so three run (2026-12-06, 2 cores: 337–348 s against 371–377 s with two; four: no faster,
    // 376 s against 378 s on 2026-12-07). VITEST_MAX_WORKERS overrides.
    maxWorkers: Number(process.env.VITEST_MAX_WORKERS ?? 3),
  },
});

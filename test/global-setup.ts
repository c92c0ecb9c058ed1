import { rmSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";

/** Left to Node: they find files next to their own code (addons, workers, models), which a bundle would move. */
const PACKAGES_LOADING_FILES = ["better-sqlite3", "sharp", "tesseract.js", "@tesseract.js-data/*", "pino", "pg-native"];

/**
 * Once per test run: `npm start` and `npm run cli` bundled by esbuild (the transformer tsx itself uses),
 * with their npm packages, but for those that load files of their own (native addons, OCR workers and
 * models, pino's transports). The suite starts about 160 of these processes; bundled, a CLI command
 * starts in ~0.5 s of CPU instead of ~1 s through tsx's per-module hooks, or ~0.8 s with the packages
 * left to Node's resolver (hundreds of small files: Kysely alone has ~300). The helpers in
 * `test/helpers/child-process.ts` run them when `ASSISTANT_TEST_PROGRAMS` names the bundles; outside
 * the suite (benchmarks, chaos scenarios) they run the sources through tsx, as `npm start` does.
 */
export default async function bundlePrograms(): Promise<() => void> {
  const root = join(import.meta.dirname, "..");
  // Inside the project, so the bundles find its node_modules; one folder per run, so two runs never share one.
  const outdir = join(root, "node_modules", ".cache", "assistant-test-programs", `run-${process.pid}`);
  await build({
    entryPoints: { main: join(root, "src", "app", "main.ts"), cli: join(root, "src", "app", "cli.ts") },
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    external: PACKAGES_LOADING_FILES,
    // Class names kept as written: node-fetch (under grammY) accepts an AbortSignal by its constructor's name.
    keepNames: true,
    // Packages written as CommonJS call require(), which an ES module has only when given one.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    outdir,
    logLevel: "warning",
  });
  process.env.ASSISTANT_TEST_PROGRAMS = outdir;
  return () => rmSync(outdir, { recursive: true, force: true });
}

import { rmSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";

/**
 * Once per test run: `npm start` and `npm run cli` bundled by esbuild (the transformer tsx itself uses),
 * their npm packages left to Node. The suite starts a few hundred of these processes; bundled, each
 * starts in ~0.3 s of CPU instead of ~1 s through tsx's per-module hooks. The helpers in
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
    packages: "external",
    outdir,
    logLevel: "warning",
  });
  process.env.ASSISTANT_TEST_PROGRAMS = outdir;
  return () => rmSync(outdir, { recursive: true, force: true });
}

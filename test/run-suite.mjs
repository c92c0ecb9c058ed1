/**
 * `npm test`: the static checks (types, dependency rules, lint and format) run beside the vitest suite
 * instead of before it. They take ~20 s of one core; the suite leaves about a quarter of the machine idle
 * while its tests wait for the processes they start. A failed check is printed as soon as it fails and
 * fails the run; the suite's result is printed either way. Arguments go to vitest (`npm test -- <files>`).
 */
import { spawn } from "node:child_process";

const CHECKS = "tsc --noEmit && npm run --silent deps && biome check .";

const checks = spawn("sh", ["-c", CHECKS], { stdio: ["ignore", "pipe", "pipe"] });
let checksOutput = "";
checks.stdout.on("data", (chunk) => (checksOutput += chunk));
checks.stderr.on("data", (chunk) => (checksOutput += chunk));
const checksPassed = new Promise((resolve) =>
  checks.on("close", (code) => {
    if (code !== 0) process.stderr.write(`\nnpm test: the static checks failed (${CHECKS}):\n${checksOutput}\n`);
    resolve(code === 0);
  }),
);

const suite = spawn("vitest", ["run", ...process.argv.slice(2)], { stdio: "inherit" });
const suitePassed = new Promise((resolve) => suite.on("close", (code) => resolve(code === 0)));

const [checksOk, suiteOk] = await Promise.all([checksPassed, suitePassed]);
if (checksOk) process.stdout.write(`\nStatic checks passed (${CHECKS}):\n${checksOutput}`);
process.exitCode = checksOk && suiteOk ? 0 : 1;

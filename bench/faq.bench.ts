/**
 * `npm run bench:faq`: how fast the FAQ matcher starts and answers, over the
 * labelled questions (in-scope and out-of-scope), repeated.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";

const started = performance.now();
const { FaqMatcher } = await import("../src/faq/faq-matcher.js");
const matcher = new FaqMatcher();
const ready = performance.now();

const fixture = JSON.parse(readFileSync(join(import.meta.dirname, "..", "test", "fixtures", "faq-questions.json"), "utf8")) as {
  inScope: Array<[string, string]>;
  outOfScope: string[];
};
const questions = [...fixture.inScope.map(([question]) => question), ...fixture.outOfScope];
const rounds = Number(process.env.BENCH_ROUNDS ?? 200);
for (const question of questions) matcher.match(question); // warm-up
const t0 = performance.now();
for (let round = 0; round < rounds; round++) for (const question of questions) matcher.match(question);
const seconds = (performance.now() - t0) / 1000;
const total = rounds * questions.length;
console.log(`start (load modules, OpenCC dictionary, build index): ${(ready - started).toFixed(0)} ms`);
console.log(
  `${total} questions in ${seconds.toFixed(2)} s: ${Math.round(total / seconds)} questions/s, ${((seconds / total) * 1e6).toFixed(1)} µs per question`,
);

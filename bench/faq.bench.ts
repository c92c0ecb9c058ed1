/**
 * `npm run bench:faq`: how well the FAQ matcher answers its two labelled sets (development, learnt
 * from and tuned on, so cross-validated; held-out, neither) with their confusion pairs, and how fast
 * it starts and answers — all measured in this one run.
 */
import { performance } from "node:perf_hooks";

const started = performance.now();
const { FaqMatcher } = await import("../src/faq/faq-matcher.js");
const matcher = new FaqMatcher();
const ready = performance.now();
const { accuracyOf, crossValidatedAccuracy, describeAccuracy, labelledSet } = await import("../test/helpers/faq-accuracy.js");

const development = labelledSet("development");
const heldOut = labelledSet("held-out");
console.log(describeAccuracy("development (learnt from and tuned on; 5-fold cross-validated)", crossValidatedAccuracy()));
console.log(describeAccuracy("held-out (never tuned on)", accuracyOf(matcher, heldOut)));
const questions = [development, heldOut].flatMap((set) => [...set.inScope.map(([question]) => question), ...set.outOfScope]);
const rounds = Number(process.env.BENCH_ROUNDS ?? 10);
for (const question of questions) matcher.match(question); // warm-up
const t0 = performance.now();
for (let round = 0; round < rounds; round++) for (const question of questions) matcher.match(question);
const seconds = (performance.now() - t0) / 1000;
const total = rounds * questions.length;
console.log(`start (load modules, OpenCC dictionary, build index): ${(ready - started).toFixed(0)} ms`);
console.log(
  `${total} questions in ${seconds.toFixed(2)} s: ${Math.round(total / seconds)} questions/s, ${((seconds / total) * 1e6).toFixed(1)} µs per question`,
);

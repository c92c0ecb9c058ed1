import { readFileSync } from "node:fs";
import { FaqMatcher } from "./src/faq/faq-matcher.js";
const m = new FaqMatcher();
const d = JSON.parse(readFileSync("test/fixtures/faq-questions.json","utf8"));
let ok=0; const wrong=[];
for (const [q,t] of d.inScope) { const r=m.match(q); if (r.topic===t) ok++; else wrong.push(`${q} → ${r.topic} (${r.confidence}) want ${t}`); }
let fm=[]; for (const q of d.outOfScope) { const r=m.match(q); if (r.topic) fm.push(`${q} → ${r.topic} ${r.confidence}`); }
console.log(`dev in scope ${ok}/${d.inScope.length}; oos matched ${fm.length}/${d.outOfScope.length}`);
if (process.argv[2]) { console.log(wrong.join("\n")); console.log(fm.join("\n")); }
let alt=0, altWrong=0; for (const [q,t] of d.inScope) { const r=m.match(q); if (r.alternative) { alt++; if (r.alternative===t) altWrong++; if (process.argv[2]) console.log("ALT", q, r.topic, r.alternative, "want", t);} }
console.log(`did-you-mean on ${alt} in-scope (${altWrong} where the second was right)`);

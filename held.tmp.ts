import { readFileSync } from "node:fs";
import { FaqMatcher } from "./src/faq/faq-matcher.js";
const m = new FaqMatcher();
const d = JSON.parse(readFileSync("test/fixtures/faq-questions.heldout.json","utf8"));
let ok=0; const wrong=[];
for (const [q,t] of d.inScope) { const r=m.match(q); if (r.topic===t && !r.alternative) ok++; else wrong.push(`${q} → ${r.topic}${r.alternative ? "/"+r.alternative : ""} (${r.confidence}) want ${t}`); }
let fm=[]; for (const q of d.outOfScope) { const r=m.match(q); if (r.topic) fm.push(`${q} → ${r.topic} ${r.confidence}`); }
console.log(`held-out in scope ${ok}/${d.inScope.length} (${(100*ok/d.inScope.length).toFixed(1)}%); oos answered ${fm.length}/${d.outOfScope.length}`);
console.log(wrong.join("\n")); console.log(fm.join("\n"));

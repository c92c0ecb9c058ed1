import { FaqMatcher } from "./src/faq/faq-matcher.js";
const m = new FaqMatcher();
for (const q of process.argv.slice(2)) { const r = m.match(q); console.log(`${q} → ${r.topic} ${r.confidence} ${r.likely?.slice(0,2) ?? ""}`); }

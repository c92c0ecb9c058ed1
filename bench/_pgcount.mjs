import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";

if (process.argv.some((a) => a.endsWith("main.ts"))) {
  const require = createRequire("/work/main/package.json");
  const pg = require("pg");
  const counts = new Map();
  const orig = pg.Client.prototype.query;
  pg.Client.prototype.query = function (config, ...rest) {
    const text = typeof config === "string" ? config : config?.text;
    const k = String(text).replace(/\s+/g, " ").slice(0, 110);
    counts.set(k, (counts.get(k) ?? 0) + 1);
    return orig.call(this, config, ...rest);
  };
  process.on("exit", () =>
    writeFileSync(
      `/tmp/prof2/pgcount-${process.pid}.txt`,
      [...counts]
        .sort((a, b) => b[1] - a[1])
        .map(([k, v]) => `${v}\t${k}`)
        .join("\n"),
    ),
  );
}

import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

/**
 * What `npm run test:quick` leaves out: the test files that start a process (`node:child_process`) or the
 * photo reader's OCR workers (`createDocumentReader`), directly or through any helper they import, followed
 * transitively. Worked out from the sources each time, so a new test that spawns `npm start` leaves the quick run by itself.
 */
export function heavyTestFiles(root: string): string[] {
  const files = listTypeScript(join(root, "test"));
  const imports = new Map(files.map((file) => [file, localImports(file)]));
  const spawning = new Set(files.filter((file) => /from "node:child_process"|createDocumentReader\(/.test(readFileSync(file, "utf8"))));
  for (let grew = true; grew; ) {
    grew = false;
    for (const [file, targets] of imports)
      if (!spawning.has(file) && targets.some((target) => spawning.has(target))) {
        spawning.add(file);
        grew = true;
      }
  }
  return [...spawning].filter((file) => file.endsWith(".test.ts")).map((file) => relative(root, file));
}

function listTypeScript(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "fixtures" ? [] : listTypeScript(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

/** The test tree's own modules a file imports (`./x.js` is the source `./x.ts`). */
function localImports(file: string): string[] {
  const specifiers = [...readFileSync(file, "utf8").matchAll(/from "(\.{1,2}\/[^"]+)\.js"/g)].map((match) => match[1]!);
  return specifiers.map((specifier) => `${resolve(dirname(file), specifier)}.ts`);
}

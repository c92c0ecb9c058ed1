import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..");
const DEPCRUISE = join(ROOT, "node_modules", ".bin", "depcruise");

/** A tiny tree with the project's folder names, checked with the project's own rules file. */
let tree: string;
beforeAll(() => {
  tree = mkdtempSync(join(tmpdir(), "dep-rules-"));
  copyFileSync(join(ROOT, ".dependency-cruiser.cjs"), join(tree, ".dependency-cruiser.cjs"));
  writeFileSync(join(tree, "tsconfig.json"), JSON.stringify({ compilerOptions: { module: "NodeNext", moduleResolution: "NodeNext" } }));
});
afterAll(() => rmSync(tree, { recursive: true, force: true }));

function write(files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(tree, path)), { recursive: true });
    writeFileSync(join(tree, path), text);
  }
}

function cruise(...paths: string[]): { status: number | null; output: string } {
  const result = spawnSync(DEPCRUISE, [...paths, "--config", ".dependency-cruiser.cjs", "--output-type", "err"], {
    cwd: tree,
    encoding: "utf8",
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe("the dependency rules", () => {
  it("fail on an upward import and name the rule it breaks", () => {
    write({
      "db/schema.ts": "export const schema = 1;\n",
      "src/domain/rule.ts": 'import { schema } from "../../db/schema.js";\nexport const rule = schema;\n',
      "src/engine/engine.ts": "export const engine = 1;\n",
      "src/review/desk.ts": 'import { engine } from "../engine/engine.js";\nexport const desk = engine;\n',
    });
    const { status, output } = cruise("src", "db");
    expect(status).not.toBe(0);
    expect(output).toContain("domain-is-pure: src/domain/rule.ts → db/schema.ts");
    expect(output).toContain("review-below-engine: src/review/desk.ts → src/engine/engine.ts");
  });

  it("let imports that point down pass", () => {
    write({
      "src/i18n/message.ts": "export const message = 1;\n",
      "machines/machine.ts": 'import { message } from "../src/i18n/message.js";\nexport const machine = message;\n',
      "src/engine/uses-machine.ts": 'import { machine } from "../../machines/machine.js";\nexport const uses = machine;\n',
    });
    const { status, output } = cruise("machines", "src/engine/uses-machine.ts", "src/i18n");
    expect(output).toContain("no dependency violations found");
    expect(status).toBe(0);
  });
});

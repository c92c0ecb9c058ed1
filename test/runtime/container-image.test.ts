import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// Issue 28 §7: the image is built on a maintained Node LTS line, pinned; nginx on a maintained stable line.
const ROOT = join(import.meta.dirname, "..", "..");
const read = (file: string) => readFileSync(join(ROOT, file), "utf8");

describe("the container image", () => {
  const bases = [...read("Dockerfile").matchAll(/^FROM\s+(\S+)/gm)].map((match) => match[1]!);

  it("builds both stages on one Node LTS line, 22 or later, pinned to a minor version", () => {
    expect(bases.length).toBe(2);
    expect(new Set(bases).size).toBe(1);
    const [, major, minor] = /^node:(\d+)\.(\d+)-[a-z]+-slim$/.exec(bases[0]!) ?? [];
    expect(Number(major)).toBeGreaterThanOrEqual(22);
    expect(Number(major) % 2).toBe(0); // even majors are the LTS lines
    expect(minor).toBeDefined();
  });

  it("keeps the code on Node 20 as well: CI and the engines field", () => {
    expect(JSON.parse(read("package.json")).engines.node).toBe(">=20.12");
  });

  it("runs nginx on a pinned stable line (an even minor)", () => {
    const [, minor] = /image:\s*nginx:1\.(\d+)\b/.exec(read("compose.yaml")) ?? [];
    expect(Number(minor) % 2).toBe(0);
    expect(Number(minor)).toBeGreaterThanOrEqual(28);
  });
});

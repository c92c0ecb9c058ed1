import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { BaseSequencer, type TestSpecification } from "vitest/node";
import { heavyTestFiles } from "./process-free-tests.js";

/**
 * The slowest files first, so that two workers finish together: those that read photos with OCR (two
 * minutes for the accuracy corpus alone), then those that start processes, then the rest. Vitest orders
 * by the last run's durations when it has them (never on a clean clone, as in CI) and otherwise by file
 * size; that order is kept within each group.
 */
export class HeavyFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const root = this.ctx.config.root;
    const heavy = new Set(heavyTestFiles(root).map((file) => resolve(root, file)));
    const rank = (file: TestSpecification) =>
      /createDocumentReader\(/.test(readFileSync(file.moduleId, "utf8")) ? 0 : heavy.has(file.moduleId) ? 1 : 2;
    return [0, 1, 2].flatMap((group) => sorted.filter((file) => rank(file) === group));
  }
}

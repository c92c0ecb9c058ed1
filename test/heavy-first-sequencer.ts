import { resolve } from "node:path";
import { BaseSequencer, type TestSpecification } from "vitest/node";
import { heavyTestFiles } from "./process-free-tests.js";

/**
 * The files that start processes or OCR workers first: they are the slow ones, and the workers finish
 * together only if the longest start early. Vitest orders by the last run's durations when it has them
 * (never on a clean clone, as in CI) and otherwise by file size; that order is kept within each group.
 */
export class HeavyFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const root = this.ctx.config.root;
    const heavy = new Set(heavyTestFiles(root).map((file) => resolve(root, file)));
    return [...sorted.filter((file) => heavy.has(file.moduleId)), ...sorted.filter((file) => !heavy.has(file.moduleId))];
  }
}

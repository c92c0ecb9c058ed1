import { readFile } from "node:fs/promises";
import { createDocumentCheck } from "../../documents/document-check.js";
import { createDocumentReader } from "../../documents/document-reader.js";
import type { DocumentRead } from "../../domain/document-read.js";
import { maskIdNumber } from "../../domain/masking.js";
import { msg, translate } from "../../i18n/message.js";
import { loadConfigOrExit } from "../../runtime/load-config.js";
import { createLogger } from "../../runtime/logger.js";
import { type CliCommand, expectArgs, localeOption, print, UsageError } from "./cli-command.js";

/**
 * `check-document <path> [--json] [--lang zh-CN|en]`: checks a document photo the way the
 * conversation does and, with `OCR` on, reads it: the side, the ID number or credit code.
 */
export const checkDocument: CliCommand = async ({ rest, json, lang }) => {
  expectArgs(rest, 1);
  const path = rest[0]!;
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new UsageError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const config = loadConfigOrExit();
  const locale = localeOption(lang, config);
  const inspection = await createDocumentCheck(config.documentRules)(bytes);
  const problems = inspection.problems.map((problem) => ({
    code: problem.code,
    message: translate(locale, msg(`document.problem.${problem.code}`, problem.params)),
  }));
  // Warnings (a greyscale photo) are accepted with advice: the exit code follows problems only.
  const ok = problems.length === 0;
  const { format, width, height, warnings } = inspection;
  const read = config.ocr && format ? await readOnce(inspection.accepted?.keep ?? bytes, config.logLevel) : null;
  if (json) {
    const shown = read && { side: read.side, idNumber: read.idNumber, uscc: read.uscc, confidence: read.confidence };
    print(JSON.stringify({ ok, problems, warnings, format, width, height, bytes: bytes.length, read: shown }));
  } else {
    const size = width && height ? `${width}×${height}, ` : "";
    print(`${ok ? "ok" : "problems"}: ${format ?? "unknown format"}, ${size}${bytes.length} bytes`);
    for (const problem of problems) print(`- ${problem.code}: ${problem.message}`);
    if (warnings.includes("greyscale")) print(`- warning greyscale: ${translate(locale, msg("document.greyscale"))}`);
    // A terminal's scrollback is kept: the ID number is masked here (the JSON is for scripts).
    if (read)
      print(
        `read: ${read.side} side, ID number ${read.idNumber ? maskIdNumber(read.idNumber) : "none"}, credit code ${read.uscc ?? "none"}, confidence ${read.confidence}`,
      );
  }
  return ok ? 0 : 1;
};

async function readOnce(image: Buffer, logLevel: string): Promise<DocumentRead | null> {
  const reader = createDocumentReader(1, createLogger(logLevel));
  try {
    return await reader.read(image);
  } finally {
    await reader.close();
  }
}

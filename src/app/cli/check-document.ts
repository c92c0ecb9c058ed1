import { readFile } from "node:fs/promises";
import { createDocumentCheck } from "../../documents/document-check.js";
import { msg, translate } from "../../i18n/message.js";
import { loadConfigOrExit } from "../../runtime/load-config.js";
import { type CliCommand, expectArgs, localeOption, print, UsageError } from "./cli-command.js";

/** `check-document <path> [--json] [--lang zh-CN|en]`: checks a document photo the way the conversation does. */
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
  const ok = problems.length === 0;
  const { format, width, height } = inspection;
  if (json) {
    print(JSON.stringify({ ok, problems, format, width, height, bytes: bytes.length }));
  } else {
    const size = width && height ? `${width}×${height}, ` : "";
    print(`${ok ? "ok" : "problems"}: ${format ?? "unknown format"}, ${size}${bytes.length} bytes`);
    for (const problem of problems) print(`- ${problem.code}: ${problem.message}`);
  }
  return ok ? 0 : 1;
};

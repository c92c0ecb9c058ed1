import { generateDataKey } from "../../runtime/keyring.js";
import { loadConfigOrExit } from "../../runtime/load-config.js";
import { openDocuments } from "../open-store.js";
import { type CliCommand, expectArgs, openExistingStore, print, UsageError } from "./cli-command.js";
import { progressBar } from "./progress-bar.js";

/** Values re-sealed per transaction: short commits while the assistant runs beside. */
const BATCH = 200;

/**
 * `keys generate`: prints a new key for `DATA_ENCRYPTION_KEYS`.
 * `keys rotate`: re-seals every stored value and document with the first key
 * listed (put the new key first, keep the old ones after it until this is done).
 */
export const keys: CliCommand = async ({ rest }) => {
  expectArgs(rest, 1);
  if (rest[0] === "generate") {
    const today = new Date().toISOString().slice(0, 10).replaceAll("-", "");
    print(generateDataKey(`k${today}`));
    process.stderr.write(
      "put it first in DATA_ENCRYPTION_KEYS (comma-separated, older keys after it), then run: npm run cli -- keys rotate\n",
    );
    return 0;
  }
  if (rest[0] !== "rotate") throw new UsageError('keys takes "generate" or "rotate"');
  const config = loadConfigOrExit();
  const { store, keyring } = await openExistingStore(config);
  try {
    const columns = store.sealedColumns();
    const total = await columns.remaining();
    let done = 0;
    for (let batch = await columns.resealBatch(BATCH); batch > 0; batch = await columns.resealBatch(BATCH)) {
      done += batch;
      process.stderr.write(`\rdatabase   ${progressBar(done, total)} ${done}/${total} values`);
    }
    process.stderr.write("\n");
    const documents = await openDocuments(config, store, keyring);
    const files = await documents.resealAll((filesDone, filesTotal) =>
      process.stderr.write(`\rdocuments  ${progressBar(filesDone, filesTotal)} ${filesDone}/${filesTotal} files`),
    );
    process.stderr.write("\n");
    print(`re-sealed ${done} value(s) and checked ${files} document(s) with key ${keyring.currentKeyId}; older keys can now be removed`);
    return 0;
  } finally {
    await store.close();
  }
};

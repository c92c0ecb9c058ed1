import { writeFile } from "node:fs/promises";
import { eraseUserData, exportUserData } from "../../applications/privacy-rights.js";
import { actorId } from "../../domain/actor.js";
import { openDocuments } from "../open-store.js";
import { type CliCommand, expectArgs, platformArgument, print, printError, UsageError, withStore } from "./cli-command.js";

/**
 * `privacy export <platform> <user> [--out <file>]`: everything held about a user, as JSON (stdout, or a 0600 file).
 * `privacy erase <platform> <user> --yes`: erases their personal data, as the chat's "Delete my data" does.
 */
export const privacy: CliCommand = ({ rest, out, yes, json }) => {
  expectArgs(rest, 3);
  const [action, platformName, user] = rest as [string, string, string];
  if (action !== "export" && action !== "erase") throw new UsageError('privacy takes "export" or "erase"');
  if (action === "erase" && !yes) throw new UsageError("privacy erase deletes for good: add --yes to confirm");
  const platform = platformArgument(platformName);
  return withStore(async (store, config, keyring) => {
    const userId = await store.exclusiveTransaction((tx) => tx.findUserId(platform, user));
    if (!userId) {
      printError(`no ${platform} user "${user}" has talked to the assistant`);
      return 1;
    }
    const documents = await openDocuments(config, store, keyring);
    if (action === "export") {
      const data = await store.exclusiveTransaction((tx) => exportUserData(tx, documents, userId, new Date()));
      const text = JSON.stringify(data, null, 2);
      if (out) {
        await writeFile(out, `${text}\n`, { mode: 0o600 });
        printError(`wrote ${out}: it holds personal data — hand it over securely, then delete it`);
      } else print(text);
      return 0;
    }
    const result = await eraseUserData(store, documents, userId, actorId.operator(), new Date());
    if ("refused" in result) {
      printError(`refused: application ${result.reference} is under review; it must be decided or withdrawn first`);
      return 1;
    }
    print(json ? JSON.stringify({ platform, user, erased: result.counts }) : `erased ${platform} user ${user}: ${describe(result.counts)}`);
    return 0;
  });
};

function describe(counts: object): string {
  return Object.entries(counts)
    .map(([kind, n]) => `${n} ${kind}`)
    .join(", ");
}

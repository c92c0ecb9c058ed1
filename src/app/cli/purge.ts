import { purge as runPurge } from "../../applications/retention.js";
import { openDocuments } from "../open-store.js";
import { type CliCommand, expectArgs, print, UsageError, withStore } from "./cli-command.js";

/**
 * `purge [--as-of <ISO date>] [--dry-run] [--json]`: erases what retention says is due (the
 * scheduler does it hourly), printing counts per kind. `--as-of` moves "now" for the cutoffs.
 */
export const purge: CliCommand = ({ rest, asOf, dryRun, json }) => {
  expectArgs(rest, 0);
  const asOfDate = asOf === undefined ? new Date() : new Date(asOf);
  if (Number.isNaN(asOfDate.getTime())) throw new UsageError("--as-of takes an ISO date or time, e.g. 2027-03-01");
  return withStore(async (store, config, keyring) => {
    const report = await runPurge(store, await openDocuments(config, store, keyring), config, { asOf: asOfDate, dryRun });
    if (json) print(JSON.stringify({ asOf: asOfDate.toISOString(), dryRun, ...report }));
    else {
      print(`${dryRun ? "would erase" : "erased"} (as of ${asOfDate.toISOString()}):`);
      for (const [kind, n] of Object.entries(report)) print(`  ${kind.padEnd(14)} ${n}`);
    }
    return 0;
  });
};

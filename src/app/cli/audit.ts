import { normalizeReferenceCode } from "../../domain/reference-code.js";
import { type CliCommand, expectArgs, print, printError, UsageError, withStore } from "./cli-command.js";

/** `audit <reference> [--json]`: every change of one application. */
export const audit: CliCommand = ({ rest, json }) => {
  expectArgs(rest, 1);
  const reference = rest[0]!;
  const normalized = normalizeReferenceCode(reference);
  if (!normalized) throw new UsageError(`"${reference}" is not a reference code like K7M3-9QXD`);
  return withStore(async (store) => {
    const trail = await store.operator().auditTrail(normalized);
    if (!trail) {
      printError(`no application ${normalized}`);
      return 1;
    }
    if (json) {
      print(JSON.stringify({ reference: normalized, entries: trail }));
    } else {
      for (const e of trail) {
        const details = [e.reason && `reasons: ${e.reason}`, e.note && `note: ${e.note}`].filter(Boolean).join("; ");
        print(`${e.at}  ${e.actor}  ${e.from ?? "-"} → ${e.to}${details ? `  (${details})` : ""}`);
      }
    }
    return 0;
  });
};

import { verificationStatus } from "../../applications/status-views.js";
import { findUserRecord } from "../../applications/user-records.js";
import { localDate } from "../../domain/business-days.js";
import { type CliCommand, expectArgs, platformArgument, print, printError, withStore } from "./cli-command.js";

/** `status <platform> <user> [--json]`: account status and current application. */
export const status: CliCommand = ({ rest, json }) => {
  expectArgs(rest, 2);
  const [platformName, user] = rest as [string, string];
  const platform = platformArgument(platformName);
  return withStore(async (store, config) => {
    const today = localDate(new Date(), config.timeZone);
    const unknown = () => {
      printError(`no ${platform} user "${user}" has talked to the assistant`);
      return 1;
    };
    if (json) {
      const view = await verificationStatus(store, platform, user, today);
      if (!view) return unknown();
      print(JSON.stringify(view));
      return 0;
    }
    const record = await findUserRecord(store, platform, user, today);
    if (!record) return unknown();
    const a = record.application;
    const lines = [`${platform} user ${user}: account ${record.account}, ${record.verified ? "verified" : "not verified"}`];
    if (a) {
      lines.push(
        `application ${a.reference}: ${a.status} (${a.method}), submitted ${a.submittedAt}, expected by ${a.expectedBy}${a.overdue ? " — OVERDUE" : ""}`,
      );
      if (a.reasons.length) lines.push(`reasons: ${a.reasons.join(", ")}`);
    } else {
      lines.push("no submitted application");
    }
    if (record.held)
      lines.push(`submission held for maintenance since ${record.held.heldAt} (${record.held.method}): submitted when it ends`);
    print(lines.join("\n"));
    return 0;
  });
};

import { ACCOUNT_STATUSES, type AccountStatus } from "../../domain/user-record.js";
import { type CliCommand, expectArgs, platformArgument, print, printError, UsageError, withStore } from "./cli-command.js";

/** `account <platform> <user> <active|disabled|cancelled>`: sets a user's account status. */
export const account: CliCommand = ({ rest }) => {
  expectArgs(rest, 3);
  const [platformName, user, status] = rest as [string, string, string];
  const platform = platformArgument(platformName);
  if (!(ACCOUNT_STATUSES as readonly string[]).includes(status))
    throw new UsageError(`status must be one of ${ACCOUNT_STATUSES.join(", ")}`);
  return withStore(async (store) => {
    if (!(await store.operator().setAccountStatus(platform, user, status as AccountStatus))) {
      printError(`no ${platform} user "${user}" has talked to the assistant`);
      return 1;
    }
    print(`${platform} user ${user}: account ${status}`);
    return 0;
  });
};

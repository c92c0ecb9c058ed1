import { type CliCommand, expectArgs, platformArgument, print, printError, withStore } from "./cli-command.js";

/** `notifications <platform> <user> [--json]`: a user's recent notifications and each channel's delivery state. */
export const notifications: CliCommand = ({ rest, json }) => {
  expectArgs(rest, 2);
  const platform = platformArgument(rest[0]!);
  const user = rest[1]!;
  return withStore(async (store) => {
    const userId = await store.exclusiveTransaction((tx) => tx.findUserId(platform, user));
    if (!userId) {
      printError(`no ${platform} user "${user}" has talked to the assistant`);
      return 1;
    }
    const recent = await store.outbox().recentForUser(userId, 20);
    if (json) {
      print(JSON.stringify({ platform, user, notifications: recent }));
      return 0;
    }
    if (recent.length === 0) print(`${platform} user ${user}: no notifications yet`);
    for (const notification of recent) {
      print(
        `${notification.createdAt}  ${notification.kind}${notification.reference ? ` ${notification.reference}` : ""}  (${notification.id})`,
      );
      for (const delivery of notification.deliveries) {
        const detail = [
          `${delivery.attempts} attempt(s)`,
          delivery.lastAttemptAt ? `last ${delivery.lastAttemptAt}` : "",
          delivery.failure ?? "",
        ]
          .filter(Boolean)
          .join(", ");
        print(`    ${delivery.channel.padEnd(5)} ${delivery.status.padEnd(7)} ${detail}`);
      }
    }
    return 0;
  });
};

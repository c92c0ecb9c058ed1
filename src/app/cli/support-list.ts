import { type CliCommand, expectArgs, print, UsageError, withStore } from "./cli-command.js";

/** `support list [--json]`: requests for a person, newest first. */
export const supportList: CliCommand = ({ rest, json }) => {
  if (rest[0] !== "list") throw new UsageError('support takes "list"');
  expectArgs(rest, 1);
  return withStore(async (store) => {
    const requests = await store.operator().supportRequests(100);
    if (json) print(JSON.stringify(requests));
    else if (requests.length === 0) print("no support requests");
    else for (const r of requests) print(`${r.reference}  ${r.createdAt}  ${r.platform}:${r.user}${r.question ? `  “${r.question}”` : ""}`);
    return 0;
  });
};

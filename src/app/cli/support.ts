import { answerSupportRequest, MAX_SUPPORT_ANSWER_CHARS } from "../../notifications/support-answer.js";
import { type CliCommand, expectArgs, print, UsageError, withStore } from "./cli-command.js";

/**
 * `support list [--json]`: requests for a person, newest first.
 * `support reply <reference> "<text>" [--json]`: the team's answer, sent to the user's chat (and email).
 */
export const support: CliCommand = ({ rest, json }) => {
  if (rest[0] === "list") return supportList(rest, json);
  if (rest[0] === "reply") return supportReply(rest, json);
  throw new UsageError('support takes "list" or "reply"');
};

function supportList(rest: string[], json: boolean): Promise<number> {
  expectArgs(rest, 1);
  return withStore(async (store) => {
    const requests = await store.operator().supportRequests(100);
    if (json) print(JSON.stringify(requests));
    else if (requests.length === 0) print("no support requests");
    else
      for (const r of requests) {
        const state = r.answeredAt ? `answered ${r.answeredAt}` : "waiting";
        print(`${r.reference}  ${r.createdAt}  ${r.platform}:${r.user}  ${state}${r.question ? `  “${r.question}”` : ""}`);
      }
    return 0;
  });
}

function supportReply(rest: string[], json: boolean): Promise<number> {
  expectArgs(rest, 3);
  const [, reference = "", raw = ""] = rest;
  const text = raw.trim();
  if (!text) throw new UsageError("the answer's text is empty");
  if (text.length > MAX_SUPPORT_ANSWER_CHARS) throw new UsageError(`the answer is longer than ${MAX_SUPPORT_ANSWER_CHARS} characters`);
  return withStore(async (store, config) => {
    const result = await answerSupportRequest(store, reference, text, config.notifyChannels, new Date());
    if (json) print(JSON.stringify({ reference, ...result }));
    else if (result.outcome === "sent")
      print(`answer to ${reference} queued: ${result.channels.join(", ")} (the running assistant delivers it)`);
    else if (result.outcome === "unknown") print(`no support request ${reference}`);
    else print(`${reference}: the user's data was erased; there is no chat to answer in`);
    return result.outcome === "sent" ? 0 : 1;
  });
}

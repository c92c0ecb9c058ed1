import pino from "pino";
import type { Dialect } from "../../db/open-database.js";
import type { Reply } from "../../src/chat/reply.js";
import type { Channel } from "../../src/domain/delivery.js";
import type { ChatAddress } from "../../src/domain/platform.js";
import { Dispatcher, type DispatcherDependencies } from "../../src/notifications/dispatcher.js";
import { consoleReviewers } from "../../src/review/reviewers.js";
import { createHarness, type Harness, submitWithPhone } from "./harness.js";

/** A chat sender that records what it sends (the console and the platform adapters are tested elsewhere). */
export function recordingChat() {
  const sent: Array<Reply & { to: ChatAddress }> = [];
  return { sent, send: async (reply: Reply & { to: ChatAddress }) => void sent.push(reply) };
}

/** A dispatcher over the harness's outbox, with no jitter and no pacing unless a test asks for them. */
export function dispatcherFor(harness: Harness, deps: Partial<DispatcherDependencies> & Pick<DispatcherDependencies, "chat">): Dispatcher {
  return new Dispatcher({
    outbox: harness.store.outbox(),
    logger: pino({ level: "silent" }),
    random: () => 0.5,
    chatPerSecond: {},
    ...deps,
  });
}

/** A harness with reviewer "rita" and Alice's application submitted; `decide` has rita approve or reject it. */
export async function harnessWithSubmission(channels: Channel[], { locale, dialect }: { locale?: string; dialect?: Dialect } = {}) {
  const harness = await createHarness({ reviewers: consoleReviewers(["rita"]), notifyChannels: channels, ...(dialect ? { dialect } : {}) });
  if (locale) await harness.chat("alice", "console", locale).text("/start");
  const reference = await submitWithPhone(harness, "alice");
  return {
    harness,
    reference,
    approve: () => harness.chat("rita").press(`rv.ok.${reference}`),
    reject: () =>
      harness
        .chat("rita")
        .press(`rv.nx.${reference}.1`) // details don't match: a reason a phone application can have
        .then(() => harness.chat("rita").text("Number 11010519491231002X is not on the record")),
  };
}

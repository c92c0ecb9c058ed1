import { randomUUID } from "node:crypto";
import { runConsoleChat } from "../../adapters/console/console-chat.js";
import { ConsoleFiles } from "../../adapters/console/console-files.js";
import { renderSms } from "../../adapters/console/console-render.js";
import type { RequestHandler, RunningPlatform } from "../../adapters/http/web-server.js";
import { Outbound } from "../chat/outbound.js";
import type { Reply } from "../chat/reply.js";
import { DEFAULT_RETRY_POLICY, nextAttemptAt } from "../notifications/retry-policy.js";
import { combineReviewers, consoleReviewers, type Reviewers, reviewerPeopleCount, roomReviewers, withPeople } from "../review/reviewers.js";
import type { Config } from "../runtime/config.js";
import { Dependencies } from "../runtime/dependencies.js";
import { loadConfigOrExit } from "../runtime/load-config.js";
import { createLogger, errorSummary, type Logger } from "../runtime/logger.js";
import { type Assistant, openAssistant, smsSenderFor } from "./assistant.js";
import { readiness } from "./readiness.js";
import { applicationRoutes, serveWebParts, webServerNeeded } from "./web-parts.js";

/** How often the console looks for opened copies whose document was erased by another process. */
const SWEEP_INTERVAL_MS = 3_000;

/** How often reminders and overdue notices are looked for. */
const DUE_TASK_INTERVAL_MS = 60_000;
/** How often the outbox is looked at for due deliveries (new notifications, retries, announcements, webhooks). */
const DISPATCH_INTERVAL_MS = 2_000;
/** Orchestrators kill a process 10 s after SIGTERM (Kubernetes: 30 s by default, `docker stop`: 10 s): it exits before. */
const SHUTDOWN_DEADLINE_MS = 9_000;

/**
 * The composition root: reads the configuration and starts the adapters.
 * With no platform token the local console chat runs on stdin/stdout.
 */
export async function main(): Promise<void> {
  // Files this process creates (database, WAL, documents, key file) are the owner's alone.
  process.umask(0o077);
  const config = loadConfigOrExit();
  const logger = createLogger(config.logLevel);
  if (config.allowInsecureUrls)
    logger.warn(
      "ALLOW_INSECURE_URLS=true: webhook and SMS URLs over plain http are accepted — events, codes and tokens travel unencrypted",
    );
  if (config.telegram || config.slack) await runPlatforms(config, logger);
  else await runConsole(config, logger);
}

async function runConsole(config: Readonly<Config>, logger: Logger): Promise<void> {
  const sms = smsSenderFor(config, logger, (phone, text) => process.stdout.write(`${renderSms(phone, text)}\n`));
  const dependencies = new Dependencies(logger);
  // Console accounts named in REVIEWERS get the cards too.
  const consoleIds = config.reviewerPeople.flatMap((person) => person.accounts).filter((a) => a.platform === "console");
  const reviewers = withPeople(
    consoleReviewers([...new Set([...config.consoleReviewerIds, ...consoleIds.map((a) => a.userId)])], config.reviewRoomDetails),
    config.reviewerPeople,
  );
  warnIfNoSecondReviewer(config, reviewers, logger);
  const assistant = await openAssistant(config, logger, sms, reviewers, dependencies);
  await assistant.outbox.recoverInterrupted(new Date());
  // Chat notifications the dispatcher sends (announcements, resends, retries) are printed with the next tick.
  const dispatched: Reply[] = [];
  const dispatcher = assistant.createDispatcher(async (reply) => void dispatched.push(reply));
  // The status API (API_TOKENS) serves other services beside the console chat.
  const routes = new Map(applicationRoutes(config, assistant));
  const server =
    routes.size > 0
      ? await serveWebParts(config, routes, () => readiness(assistant.store, config.webhook !== undefined, dependencies), logger)
      : undefined;
  const deliver = async () => {
    await dispatcher.runOnce();
    await assistant.webhooks?.runOnce();
    return dispatched.splice(0);
  };
  // Opened copies of sealed documents, and exports, on disk for the console's readers (a killed console's are removed here: before "ready").
  const files = new ConsoleFiles(assistant.documents, config.dataDir);
  logger.info(
    { database: config.database.kind === "sqlite" ? config.database.path : "postgres" },
    "console chat ready: type a message, /as <user> to switch user, /file <path> to send a file",
  );
  const afterWork = async () => {
    const replies = await deliver();
    await files.sweep(); // an erasure (the user's request, retention) takes the opened copies with it
    return replies;
  };
  // An erasure made elsewhere (the CLI, another instance's purge) takes the copies within seconds, not at the next line.
  const sweeper = setInterval(() => void files.sweep().catch(() => undefined), SWEEP_INTERVAL_MS).unref();
  // A signal (a closed terminal too) removes the opened copies at once, then lets the line in hand finish and the store close.
  const stop = new AbortController();
  const onSignal = () => {
    files.removeAll();
    stop.abort();
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.once(signal, onSignal);
  await runConsoleChat({
    input: process.stdin,
    output: process.stdout,
    handler: assistant.engine,
    sessionId: randomUUID(),
    locale: config.defaultLocale,
    documentPath: files.documentPath,
    saveFile: files.saveFile,
    signal: stop.signal,
    ticker: { intervalMs: DUE_TASK_INTERVAL_MS, tick: async () => [...(await assistant.runDueTasks()), ...(await afterWork())] },
    afterEachLine: afterWork,
    // A notification printed in the console has reached its reader.
    onShown: (reply) => {
      if (!reply.notificationId) return undefined;
      assistant.prometheus.metrics.delivery("chat", "sent");
      return assistant.outbox.markSent(reply.notificationId, "chat");
    },
    onError: (error) => logger.error({ error: errorSummary(error) }, "console message failed"),
  });
  clearInterval(sweeper);
  files.removeAll();
  await server?.stop();
  await assistant.engine.flushConfirmations();
  await assistant.close();
}

/** The chat platforms whose tokens are set, in one process over one store, until SIGINT/SIGTERM. */
async function runPlatforms(config: Readonly<Config>, logger: Logger): Promise<void> {
  const { telegram, slack } = config;
  // Reviewers of either platform may decide any application; the applicant is told on their own platform.
  const reviewers = withPeople(
    combineReviewers(
      [
        ...(telegram ? [roomReviewers("telegram", telegram.reviewChatId, telegram.reviewerIds, config.reviewRoomDetails)] : []),
        ...(slack ? [roomReviewers("slack", slack.reviewChannel, slack.reviewerIds, config.reviewRoomDetails)] : []),
      ],
      config.reviewRoomDetails,
    ),
    config.reviewerPeople,
  );
  warnIfNoSecondReviewer(config, reviewers, logger);
  if (!config.smsAvailable)
    logger.warn("SMS_WEBHOOK_URL is not set: no SMS is sent, so the phone method is not offered and SMS notifications are off");
  else if (config.smsDevelopmentLog && !config.smsWebhook)
    logger.warn("SMS_DEVELOPMENT=log: SMS texts, one-time codes included, are written to this log; never use it with real users");
  // Listened for from the start: a SIGTERM while updates already arrive must still let them finish.
  const stopRequested = new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  let started: Assistant | undefined;
  // Before anything is in hand (waiting for a dependency), a stop request ends the start at once.
  void stopRequested.then(() => {
    if (started) return;
    logger.info("stopped while starting");
    process.exit(0);
  });
  // The web server comes first, so that `/readyz` can say what the start is waiting for; routes are mounted once they can serve.
  const dependencies = new Dependencies(logger);
  const routes = new Map<string, RequestHandler>();
  const server = webServerNeeded(config)
    ? await serveWebParts(config, routes, () => readiness(started?.store, config.webhook !== undefined, dependencies), logger)
    : undefined;
  const assistant = await openAssistant(config, logger, smsSenderFor(config, logger), reviewers, dependencies);
  const { outbox } = assistant;
  await outbox.recoverInterrupted(new Date());
  // A notification's chat message that fails right after the commit is left to the dispatcher to retry.
  const { metrics } = assistant.prometheus;
  const outbound = new Outbound(logger, {
    sent: (id) => {
      metrics.delivery("chat", "sent");
      return outbox.markSent(id, "chat");
    },
    failed: (id, reason) => {
      metrics.delivery("chat", "retry");
      return outbox.markRetry(id, "chat", reason, nextAttemptAt(new Date(), 1, DEFAULT_RETRY_POLICY));
    },
  });
  const dispatcher = assistant.createDispatcher((reply) => outbound.send(reply));
  // A photo's read that finished after its reply follows as a message of its own.
  assistant.engine.sendFollowUpsWith((reply) => outbound.send(reply));
  const parts = { assistant, outbound, reviewers, logger, dependencies };
  const running: RunningPlatform[] = [];
  // Each platform's SDK is loaded only where it is configured: the console chat starts without either.
  if (telegram) running.push(await (await import("./start-telegram.js")).startTelegram(telegram, config, parts));
  if (slack) running.push(await (await import("./start-slack.js")).startSlack(slack, config, parts));

  const platformRoutes = running.flatMap(
    (platform): Array<[string, RequestHandler]> => (platform.webhook ? [[platform.webhook.path, platform.webhook.handler]] : []),
  );
  for (const [path, handler] of [...platformRoutes, ...applicationRoutes(config, assistant)]) routes.set(path, handler);
  started = assistant;
  logger.info({ paths: [...routes.keys()] }, "assistant ready");
  const tick = () =>
    assistant
      .runDueTasks()
      .then((replies) => outbound.deliver(replies))
      .catch((error: unknown) => logger.error({ error: errorSummary(error) }, "scheduled tasks failed"));
  await tick();
  const timer = setInterval(tick, DUE_TASK_INTERVAL_MS);
  const dispatch = () =>
    Promise.all([
      dispatcher.runOnce().catch((error: unknown) => logger.error({ error: errorSummary(error) }, "notification dispatch failed")),
      assistant.webhooks?.runOnce().catch((error: unknown) => logger.error({ error: errorSummary(error) }, "webhook sending failed")),
    ]);
  const dispatchTimer = setInterval(dispatch, DISPATCH_INTERVAL_MS);

  await stopRequested;
  logger.info("stopping: finishing the updates in hand");
  // An update still in hand at the deadline (a platform call stalled) is left unanswered: its platform delivers it again.
  const deadline = setTimeout(() => {
    logger.error({ afterMs: SHUTDOWN_DEADLINE_MS }, "stopping took too long: exiting with updates unanswered (they are redelivered)");
    process.exit(1);
  }, SHUTDOWN_DEADLINE_MS);
  clearInterval(timer);
  clearInterval(dispatchTimer);
  await server?.stop();
  for (const platform of running) await platform.stop();
  await assistant.engine.followUpsSettled();
  await dispatch(); // waits for a run in progress (and sends what is due) before the store closes
  await assistant.engine.flushConfirmations();
  await assistant.close();
  clearTimeout(deadline);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    process.stderr.write(`fatal: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}

/** Four eyes with fewer than two reviewers: first approvals that nobody can confirm, so the applicants wait for ever. */
function warnIfNoSecondReviewer(config: Readonly<Config>, reviewers: Reviewers, logger: Logger): void {
  const people = reviewerPeopleCount(reviewers);
  if (config.fourEyes !== "none" && people < 2)
    logger.warn(
      { fourEyes: config.fourEyes, reviewers: people },
      `FOUR_EYES=${config.fourEyes} takes two different reviewers to approve, and ${people} ${people === 1 ? "is" : "are"} configured: such approvals can never be confirmed. Add a reviewer, or set FOUR_EYES=none`,
    );
}

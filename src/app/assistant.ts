import type { SqlNotificationStore } from "../../db/notification-store.js";
import { isConnectionFailure } from "../../db/open-database.js";
import type { SqlStore } from "../../db/sql-store.js";
import { purge } from "../applications/retention.js";
import type { Reply } from "../chat/reply.js";
import { limitConcurrency } from "../documents/concurrency-limit.js";
import { createDocumentCheck } from "../documents/document-check.js";
import { createDocumentReader } from "../documents/document-reader.js";
import type { DocumentStore } from "../documents/document-store.js";
import type { ChatAddress } from "../domain/platform.js";
import { receiverFailing } from "../domain/webhook-event.js";
import { Engine } from "../engine/engine.js";
import { useTaughtPhrasings } from "../faq/faq-matcher.js";
import { Dispatcher } from "../notifications/dispatcher.js";
import { DevelopmentSmsSender, NO_SMS, type SmsSender } from "../notifications/sms-sender.js";
import { WebhookSender } from "../notifications/webhook-sender.js";
import { WebhookSmsSender } from "../notifications/webhook-sms-sender.js";
import { runDueTasks } from "../review/due-tasks.js";
import type { Reviewers } from "../review/reviewers.js";
import type { Config } from "../runtime/config.js";
import { Dependencies } from "../runtime/dependencies.js";
import { errorSummary, type Logger } from "../runtime/logger.js";
import { keyringFor, oneTimeCodeKey } from "./keyring-setup.js";
import { openDocuments, openStore } from "./open-store.js";
import { type PrometheusMetrics, prometheusMetrics } from "./prometheus-metrics.js";

export interface Assistant {
  engine: Engine;
  store: SqlStore;
  documents: DocumentStore;
  outbox: SqlNotificationStore;
  /** What `GET /metrics` serves; the application counts into `prometheus.metrics`. */
  prometheus: PrometheusMetrics;
  /** Posts queued status events to `WEBHOOK_URL`; undefined when no receiver is configured. */
  webhooks: WebhookSender | undefined;
  /** The outbox's dispatcher, sending chat messages with `chat` and email/SMS as configured. */
  createDispatcher(chat: (reply: Reply & { to: ChatAddress }) => Promise<void>): Dispatcher;
  /** One scheduler tick: reviewer reminders and overdue notices that are due now; at most hourly, the retention purge. */
  runDueTasks(): Promise<Reply[]>;
  close(): Promise<void>;
}

/** Retention is measured in days: an hourly purge keeps anything from outliving it by more than an hour. */
const PURGE_INTERVAL_MS = 60 * 60_000;

/** Opens and migrates the store and builds the engine: the parts every entry point shares. */
export async function openAssistant(
  config: Config,
  logger: Logger,
  sms: SmsSender,
  reviewers: Reviewers,
  dependencies: Dependencies = new Dependencies(logger),
): Promise<Assistant> {
  const keyring = keyringFor(config);
  // PostgreSQL out of reach at start is waited for, said at every try; any other failure (a wrong password, a failed migration) ends the start.
  const store =
    config.database.kind === "postgres"
      ? await dependencies.retryUntilReachable(
          "database",
          () => openStore(config, keyring),
          (error) => !isConnectionFailure(error),
        )
      : await openStore(config, keyring);
  const documents = await openDocuments(config, store, keyring);
  const prometheus = prometheusMetrics(store, config.timeZone, config.webhook !== undefined);
  const { metrics } = prometheus;
  const reader = config.ocr ? createDocumentReader(config.ocrConcurrency, logger) : undefined;
  // nodemailer is loaded only where email is configured.
  const email =
    config.smtp && config.notifyChannels.includes("email")
      ? new (await import("../notifications/smtp-email-sender.js")).SmtpEmailSender(config.smtp.url, config.smtp.from)
      : undefined;
  const engine = new Engine({
    metrics,
    store,
    documents,
    reviewers,
    checkDocument: limitConcurrency(createDocumentCheck(config.documentRules), config.docCheckConcurrency),
    ...(reader ? { readDocument: reader.read } : {}),
    codeKey: await oneTimeCodeKey(store, keyring),
    sms,
    ...(email ? { email } : {}),
    logger,
    settings: {
      defaultLocale: config.defaultLocale,
      reviewLocale: config.reviewLocale,
      timeZone: config.timeZone,
      holidays: config.holidays,
      supportContact: config.supportContact,
      supportAnswerDays: config.supportAnswerDays,
      officialChannels: config.officialChannels,
      notifyChannels: config.notifyChannels,
      smsAvailable: config.smsAvailable,
      retention: config,
      review: {
        fourEyes: config.fourEyes,
        claimMinutes: config.reviewClaimMinutes,
        requireOpenBeforeApproval: config.requireOpenBeforeApproval,
      },
    },
  });
  const outbox = store.outbox();
  let lastPurge = 0;
  // Its own failure is logged and never loses the tick's replies (reminders already marked sent).
  const purgeHourly = async () => {
    if (Date.now() - lastPurge < PURGE_INTERVAL_MS) return;
    lastPurge = Date.now();
    const report = await purge(store, documents, config).catch((error: unknown) => {
      logger.error({ error: errorSummary(error) }, "retention purge failed");
      return null;
    });
    if (report && Object.values(report).some((n) => n > 0)) logger.info({ erased: report }, "retention purge");
  };
  // Phrasings operators taught (`cli faq teach`) reach this instance's matcher at the next tick (every minute).
  const refreshTaughtPhrasings = () =>
    store
      .faqLearning()
      .taughtPhrasings()
      .then(useTaughtPhrasings)
      .catch((error: unknown) => logger.warn({ error: errorSummary(error) }, "taught FAQ phrasings could not be read"));
  await refreshTaughtPhrasings();
  await reportWebhookBacklog(config, store, logger);
  const stopProbes = probeProviders(dependencies, { smtp: email, sms });
  return {
    engine,
    store,
    documents,
    outbox,
    prometheus,
    webhooks: config.webhook && new WebhookSender({ outbox: store.webhooks(), ...config.webhook, logger, metrics }),
    createDispatcher: (chat) =>
      new Dispatcher({
        outbox,
        chat,
        ...(email ? { email } : {}),
        ...(config.notifyChannels.includes("sms") ? { sms } : {}),
        logger,
        metrics,
      }),
    runDueTasks: async () => {
      const replies = await runDueTasks(store, reviewers, config, new Date(), metrics);
      await purgeHourly();
      await refreshTaughtPhrasings();
      return replies;
    },
    close: async () => {
      stopProbes();
      await reader?.close();
      email?.close();
      await store.close();
    },
  };
}

/** How often the email and SMS providers are tried, for the log and `/readyz`. */
const PROBE_INTERVAL_MS = 60_000;

/**
 * Tries the providers now and every minute, without holding anything up: one out of reach is said
 * on the log and in `/readyz` (its messages wait in the outbox meanwhile). Returns the stop.
 */
function probeProviders(
  dependencies: Dependencies,
  providers: Partial<Record<"smtp" | "sms", { checkReachable?(): Promise<void> } | undefined>>,
): () => void {
  const probes = Object.entries(providers).flatMap(([name, provider]) =>
    provider?.checkReachable ? [{ name: name as "smtp" | "sms", check: () => provider.checkReachable!() }] : [],
  );
  if (probes.length === 0) return () => undefined;
  const probeAll = () =>
    Promise.all(
      probes.map(({ name, check }) =>
        check().then(
          () => dependencies.reachable(name),
          (error: unknown) => dependencies.unreachable(name, error),
        ),
      ),
    );
  void probeAll();
  const timer = setInterval(probeAll, PROBE_INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}

/** At start: a receiver down for a day, or events queued for a receiver no longer configured, is said at once. */
async function reportWebhookBacklog(config: Readonly<Config>, store: SqlStore, logger: Logger): Promise<void> {
  const backlog = await store.webhooks().backlog();
  if (backlog.pending === 0) return;
  if (!config.webhook)
    logger.warn({ pending: backlog.pending }, "webhook events are queued but WEBHOOK_URL is not set: they wait until it is");
  else if (receiverFailing(backlog, new Date()))
    logger.warn({ ...backlog }, "the webhook receiver has been failing for over a day; its events stay queued");
}

/** The configured SMS provider: the webhook, or the development sender (printed by the console, logged elsewhere). */
export function smsSenderFor(
  config: Readonly<Config>,
  logger: Logger,
  consoleSink?: (maskedPhone: string, text: string) => void,
): SmsSender {
  if (config.smsWebhook) return new WebhookSmsSender(config.smsWebhook.url, config.smsWebhook.token);
  if (consoleSink) return new DevelopmentSmsSender(logger, consoleSink);
  // On a platform, SMS texts (one-time codes) reach the log only when an operator asked for it.
  return config.smsDevelopmentLog ? new DevelopmentSmsSender(logger) : NO_SMS;
}

import { join } from "node:path";
import { migrateToLatest } from "../db/migrate.js";
import { openSqlite } from "../db/open-database.js";
import { SqlStore } from "../db/sql-store.js";
import type { Config } from "./config.js";
import { createDocumentCheck } from "./documents/document-check.js";
import { DocumentStore } from "./documents/document-store.js";
import { Engine } from "./engine/engine.js";
import type { Logger } from "./logger.js";
import type { Reviewers } from "./review/reviewers.js";
import { runDueTasks } from "./review/due-tasks.js";
import type { Reply } from "./chat/reply.js";
import type { SmsSender } from "./sms/sms-sender.js";

export interface Assistant {
  engine: Engine;
  store: SqlStore;
  documents: DocumentStore;
  /** One scheduler tick: reviewer reminders and overdue notices that are due now. */
  runDueTasks(): Promise<Reply[]>;
  close(): Promise<void>;
}

/** Opens and migrates the store and builds the engine: the parts every entry point shares. */
export async function openAssistant(config: Config, logger: Logger, sms: SmsSender, reviewers: Reviewers): Promise<Assistant> {
  const store = await openStore(config);
  const documents = new DocumentStore(join(config.dataDir, "documents"));
  const engine = new Engine({
    store,
    documents,
    reviewers,
    checkDocument: createDocumentCheck(config.documentRules),
    sms,
    logger,
    settings: {
      defaultLocale: config.defaultLocale,
      timeZone: config.timeZone,
      holidays: config.holidays,
      supportContact: config.supportContact,
    },
  });
  return {
    engine,
    store,
    documents,
    runDueTasks: () => runDueTasks(store, reviewers, config, new Date()),
    close: () => store.close(),
  };
}

export async function openStore(config: Config): Promise<SqlStore> {
  const { db } = openSqlite(config.sqlitePath);
  await migrateToLatest(db);
  return new SqlStore(db);
}

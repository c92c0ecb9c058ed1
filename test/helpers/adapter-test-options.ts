import pino from "pino";
import type { AdapterOptions } from "../../adapters/adapter-options.js";
import { Outbound } from "../../src/chat/outbound.js";
import { DEFAULT_DOCUMENT_RULES } from "../../src/domain/document-rules.js";
import type { Reviewers } from "../../src/review/reviewers.js";
import type { Harness } from "./harness.js";

/** An adapter's options over a test harness: English defaults, a silent log, its own outbound unless one is shared. */
export function adapterTestOptions(harness: Harness, reviewers: Reviewers, outbound?: Outbound): AdapterOptions {
  const logger = pino({ level: "silent" });
  return {
    engine: harness.engine,
    reviewers,
    outbound: outbound ?? new Outbound(logger),
    cards: harness.store.cardMessages(),
    readDocument: (id) => harness.documents.get(id),
    maxFileBytes: DEFAULT_DOCUMENT_RULES.maxBytes,
    defaultLocale: "en",
    logger,
  };
}

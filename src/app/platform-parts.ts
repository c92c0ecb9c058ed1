import type { AdapterOptions } from "../../adapters/adapter-options.js";
import type { Outbound } from "../chat/outbound.js";
import type { Reviewers } from "../review/reviewers.js";
import type { Config } from "../runtime/config.js";
import type { Dependencies } from "../runtime/dependencies.js";
import type { Logger } from "../runtime/logger.js";
import type { Assistant } from "./assistant.js";

/** What the composition root hands each platform's start function. */
export interface PlatformParts {
  assistant: Assistant;
  outbound: Outbound;
  reviewers: Reviewers;
  logger: Logger;
  /** Start-up waits for the platform's API through this, and `/readyz` reports it. */
  dependencies: Dependencies;
}

/** The adapter options of a running assistant. */
export function adapterOptions({ assistant, ...parts }: PlatformParts, config: Readonly<Config>): AdapterOptions {
  return {
    engine: assistant.engine,
    reviewers: parts.reviewers,
    outbound: parts.outbound,
    cards: assistant.store.cardMessages(),
    readDocument: (id) => assistant.documents.get(id),
    maxFileBytes: config.documentRules.maxBytes,
    defaultLocale: config.defaultLocale,
    logger: parts.logger,
  };
}

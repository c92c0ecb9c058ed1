import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from "kysely";
import { AssistantError } from "../src/runtime/errors.js";
import * as initial from "./migrations/001-initial.js";
import * as review from "./migrations/002-review.js";
import * as support from "./migrations/003-support.js";
import * as cardMessages from "./migrations/004-card-messages.js";
import * as workspace from "./migrations/005-workspace.js";
import * as notifications from "./migrations/006-notifications.js";
import * as oneTimeCodeLedger from "./migrations/007-one-time-code-ledger.js";
import * as revisions from "./migrations/008-revisions-and-append-only-audit.js";
import * as privacy from "./migrations/009-privacy.js";
import * as deliveryLeases from "./migrations/010-delivery-leases.js";
import * as documentFiles from "./migrations/011-document-files.js";
import * as eventReplies from "./migrations/012-event-replies.js";
import * as webhookEvents from "./migrations/013-webhook-events.js";
import * as claimsAndFourEyes from "./migrations/014-claims-and-four-eyes.js";
import * as abuseLimits from "./migrations/015-abuse-limits-outlive-erasure.js";
import * as reviewerNamesAndInfoNotes from "./migrations/016-reviewer-names-and-info-notes.js";
import * as faqLearning from "./migrations/017-faq-learning.js";
import * as supportAnswers from "./migrations/018-support-answers.js";
import * as reviewEscalations from "./migrations/019-review-escalations.js";
import * as userKeys from "./migrations/020-user-keys.js";
import * as repliesSent from "./migrations/021-replies-sent.js";
import * as unconfirmedRepliesIndex from "./migrations/022-unconfirmed-replies-index.js";
import * as waitingSupportIndex from "./migrations/023-waiting-support-index.js";
import type { Database } from "./schema.js";

/** Migrations listed in code: no file-system lookup, so they work the same from tsx, a bundle or tests. */
const MIGRATIONS: Record<string, Migration> = {
  "001-initial": initial,
  "002-review": review,
  "003-support": support,
  "004-card-messages": cardMessages,
  "005-workspace": workspace,
  "006-notifications": notifications,
  "007-one-time-code-ledger": oneTimeCodeLedger,
  "008-revisions-and-append-only-audit": revisions,
  "009-privacy": privacy,
  "010-delivery-leases": deliveryLeases,
  "011-document-files": documentFiles,
  "012-event-replies": eventReplies,
  "013-webhook-events": webhookEvents,
  "014-claims-and-four-eyes": claimsAndFourEyes,
  "015-abuse-limits-outlive-erasure": abuseLimits,
  "016-reviewer-names-and-info-notes": reviewerNamesAndInfoNotes,
  "017-faq-learning": faqLearning,
  "018-support-answers": supportAnswers,
  "019-review-escalations": reviewEscalations,
  "020-user-keys": userKeys,
  "021-replies-sent": repliesSent,
  "022-unconfirmed-replies-index": unconfirmedRepliesIndex,
  "023-waiting-support-index": waitingSupportIndex,
};

/** Every migration this code knows, in order. */
export const MIGRATION_NAMES: readonly string[] = Object.keys(MIGRATIONS);

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/**
 * Applies every pending migration; throws with the failing migration's name. The database is
 * reached first, on its own: a server out of reach throws its connection error, not "migration failed".
 */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  await sql`select 1`.execute(db);
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  const failed = results?.find((result) => result.status === "Error");
  if (error) {
    const cause = error instanceof Error ? error : new Error(String(error));
    throw new AssistantError("migration_failed", `database migration ${failed?.migrationName ?? "(unknown)"} failed: ${cause.message}`, {
      cause,
    });
  }
  return (results ?? []).filter((result) => result.status === "Success").map((result) => result.migrationName);
}

/** Migrations this code knows that the database has not applied (a newer instance may be rolling out). */
export async function pendingMigrations(db: Kysely<Database>): Promise<string[]> {
  const migrations = await new Migrator({ db, provider }).getMigrations();
  return migrations.filter((migration) => migration.executedAt === undefined).map((migration) => migration.name);
}

import type { Kysely, Transaction } from "kysely";
import type { Database } from "./schema.js";
import { place, type Vault } from "./vault.js";

/** Document names (HMAC, hex) in a JSON text: a document's `id` and `previewId`. */
export function documentIdsIn(text: string): string[] {
  return text.match(/\b[0-9a-f]{64}\b/g) ?? [];
}

/** Every document a row still refers to (applications, their revisions, conversations), each opened with its user's key. */
export async function referencedDocuments(trx: Transaction<Database> | Kysely<Database>, vault: Vault): Promise<Set<string>> {
  const referenced = new Set<string>();
  const add = (text: string) => {
    for (const id of documentIdsIn(text)) referenced.add(id);
  };
  for (const row of await trx.selectFrom("applications").select("documents").where("documents", "!=", "{}").execute()) add(row.documents);
  const revisions = await trx
    .selectFrom("application_revisions")
    .innerJoin("applications", "applications.id", "application_revisions.application_id")
    .select(["application_revisions.application_id", "applications.user_id", "application_revisions.previous"])
    .execute();
  for (const row of revisions)
    add((await vault.user(trx, row.user_id)).open(row.previous, place("application_revisions", "previous", row.application_id)));
  for (const row of await trx.selectFrom("conversations").select(["platform", "chat_id", "user_id", "snapshot"]).execute())
    add((await vault.user(trx, row.user_id)).open(row.snapshot, place("conversations", "snapshot", row.platform, row.chat_id)));
  return referenced;
}

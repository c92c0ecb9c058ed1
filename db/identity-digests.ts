/**
 * Keyed digests of the numbers that identify a person (ID numbers, credit codes, phones), kept beside
 * each application: how duplicates across accounts are found without storing a number in clear.
 */
import type { Kysely, Transaction } from "kysely";
import type { Draft, LifecycleStatus } from "../src/domain/application.js";
import { identityNumbers, phoneNumbers } from "../src/domain/identity-numbers.js";
import type { ApplicationForReview } from "../src/ports/application-store.js";
import type { Sealer } from "../src/ports/sealer.js";
import type { Database } from "./schema.js";

type Db = Transaction<Database> | Kysely<Database>;

/** The keyed digests of the application's identifying numbers, replacing earlier ones. */
export async function writeDigests(trx: Db, sealer: Sealer, applicationId: string, draft: Draft): Promise<void> {
  await trx.deleteFrom("identity_digests").where("application_id", "=", applicationId).execute();
  const digestsOf = (numbers: string[], kind: "number" | "phone") =>
    [...new Set(numbers.flatMap((number) => sealer.digests(number)))].map((digest) => ({ application_id: applicationId, digest, kind }));
  const rows = [...digestsOf(identityNumbers(draft), "number"), ...digestsOf(phoneNumbers(draft), "phone")];
  if (rows.length === 0) return;
  await trx.insertInto("identity_digests").values(rows).execute();
}

/** Other users' applications sharing a digest with this one (a resubmission by the same user is not a duplicate). */
export async function duplicatesOf(trx: Db, applicationId: string, userId: string): Promise<ApplicationForReview["duplicates"]> {
  const rows = await trx
    .selectFrom("identity_digests as mine")
    .innerJoin("identity_digests as theirs", "theirs.digest", "mine.digest")
    .innerJoin("applications", "applications.id", "theirs.application_id")
    .select(["applications.reference", "applications.status", "applications.submitted_at"])
    .distinct()
    .where("mine.application_id", "=", applicationId)
    .where("mine.kind", "=", "number")
    .where("applications.user_id", "!=", userId)
    .where("applications.reference", "is not", null)
    .orderBy("applications.submitted_at")
    .limit(5)
    .execute();
  return rows.map((row) => ({ reference: row.reference!, status: row.status as LifecycleStatus }));
}

/** Whether two users' applications share any identifying number or phone. */
export async function shareIdentity(trx: Db, userA: string, userB: string): Promise<boolean> {
  const shared = await trx
    .selectFrom("identity_digests as a")
    .innerJoin("applications as application_a", "application_a.id", "a.application_id")
    .innerJoin("identity_digests as b", "b.digest", "a.digest")
    .innerJoin("applications as application_b", "application_b.id", "b.application_id")
    .select("a.digest")
    .where("application_a.user_id", "=", userA)
    .where("application_b.user_id", "=", userB)
    .limit(1)
    .executeTakeFirst();
  return shared !== undefined;
}

import type { Kysely, Transaction } from "kysely";
import type { Platform } from "../src/domain/platform.js";
import type { Database } from "./schema.js";

/** The user behind a platform account; undefined when that account never wrote to the assistant. */
export async function findUserId(db: Kysely<Database>, platform: Platform, platformUserId: string): Promise<string | undefined> {
  const identity = await db
    .selectFrom("identities")
    .select("user_id")
    .where("platform", "=", platform)
    .where("platform_user_id", "=", platformUserId)
    .executeTakeFirst();
  return identity?.user_id;
}

/** The first platform account a user wrote from: how other services (the API, webhooks) name them. */
export async function firstAccount(
  db: Kysely<Database> | Transaction<Database>,
  userId: string,
): Promise<{ platform: Platform; user: string } | null> {
  const account = await db
    .selectFrom("identities")
    .select(["platform", "platform_user_id"])
    .where("user_id", "=", userId)
    .orderBy("created_at")
    .limit(1)
    .executeTakeFirst();
  return account ? { platform: account.platform as Platform, user: account.platform_user_id } : null;
}

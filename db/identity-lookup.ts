import type { Kysely } from "kysely";
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

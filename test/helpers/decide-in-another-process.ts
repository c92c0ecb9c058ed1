/**
 * Run as a separate process by the concurrency test: waits until the given
 * instant, then makes one decision on the shared database and prints the result.
 */
import { openSqlite } from "../../db/open-database.js";
import { SqlStore } from "../../db/sql-store.js";
import type { LifecycleEvent } from "../../machines/application-lifecycle.machine.js";
import { reviewStore } from "./review-store.js";
import { testKeyring } from "./test-keys.js";

const [path, reference, eventType, actor, startAt] = process.argv.slice(2);
const { db } = openSqlite(path!);
const store = reviewStore(new SqlStore(db, testKeyring()));
while (Date.now() < Number(startAt)) await new Promise((resolve) => setTimeout(resolve, 1));
const result = await store.changeApplication({
  reference: reference!,
  event: { type: eventType } as LifecycleEvent,
  actor: actor!,
  at: new Date(),
  ...(eventType === "review.reject" ? { reasons: ["document_unclear" as const] } : {}),
});
process.stdout.write(JSON.stringify(result));
await db.destroy();

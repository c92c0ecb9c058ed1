import type { DocumentStore } from "../documents/document-store.js";
import { actorId } from "../domain/actor.js";
import type { LifecycleStatus } from "../domain/application.js";
import type { RetentionPolicy } from "../domain/retention-policy.js";
import { type ErasureCounts, NO_ERASURES, type RetentionCutoffs } from "../ports/privacy-store.js";
import type { Store } from "../ports/store.js";

/** Statuses after which nothing more happens to an application: its retention period starts. */
export const FINAL_STATUSES: readonly LifecycleStatus[] = ["approved", "rejected", "withdrawn"];

/** What one purge erased (or, dry, would erase), per kind; `documents`: files deleted. */
export type PurgeReport = ErasureCounts & { documents: number };

const DAY_MS = 86_400_000;
/** Items per kind per transaction: short transactions beside a running assistant. */
const BATCH = 100;
/** An unreferenced file younger than this may be an upload whose commit is under way. */
const UPLOAD_GRACE_MS = 60 * 60_000;

export function retentionCutoffs(policy: RetentionPolicy, asOf: Date): RetentionCutoffs {
  const daysBefore = (days: number) => new Date(asOf.getTime() - days * DAY_MS);
  return {
    decidedBefore: daysBefore(policy.retentionDays),
    finalStatuses: FINAL_STATUSES,
    idleBefore: daysBefore(policy.conversationRetentionDays),
    createdBefore: daysBefore(policy.retentionDays),
  };
}

/**
 * Erases what has been kept long enough: decided applications' personal data
 * and documents after `retentionDays`, idle conversations and drafts after
 * `conversationRetentionDays`, notifications (contents, addresses) and
 * support texts after `retentionDays` — in batches, each audited — then the
 * document files nothing refers to any more. `asOf` moves the cutoffs (to see
 * what a later purge will do); a dry run erases inside a transaction that is
 * rolled back, so its counts are exactly what a real run would erase now.
 */
export async function purge(
  store: Store,
  documents: DocumentStore,
  policy: RetentionPolicy,
  { asOf = new Date(), now = new Date(), dryRun = false }: { asOf?: Date; now?: Date; dryRun?: boolean } = {},
): Promise<PurgeReport> {
  const cutoffs = retentionCutoffs(policy, asOf);
  const actor = actorId.system("retention");
  const sweepBefore = new Date(now.getTime() - UPLOAD_GRACE_MS);
  if (dryRun) {
    const rollback = new Error("dry run");
    let report: PurgeReport | undefined;
    await store
      .exclusiveTransaction(async (tx) => {
        const counts = await eraseAll(() => tx.eraseDueBatch(cutoffs, BATCH, actor, now));
        report = { ...counts, documents: await documents.sweep(await tx.referencedDocuments(), sweepBefore, { dryRun: true }) };
        throw rollback;
      })
      .catch((error: unknown) => {
        if (error !== rollback) throw error;
      });
    return report!;
  }
  // Of several instances purging at once, one erases; the others find the job taken.
  const counts = await eraseAll(() =>
    store.exclusiveTransaction(async (tx) => ((await tx.tryLock("purge")) ? tx.eraseDueBatch(cutoffs, BATCH, actor, now) : NO_ERASURES)),
  );
  const referenced = await store.exclusiveTransaction((tx) => tx.referencedDocuments());
  const report = { ...counts, documents: await documents.sweep(referenced, sweepBefore) };
  if (Object.values(counts).some((n) => n > 0)) await store.forgetErased();
  return report;
}

/** Runs batches until one erases nothing; the sum of their counts. */
async function eraseAll(batch: () => Promise<ErasureCounts>): Promise<ErasureCounts> {
  const total = { ...NO_ERASURES };
  for (;;) {
    const counts = await batch();
    for (const kind of Object.keys(total) as Array<keyof ErasureCounts>) total[kind] += counts[kind];
    if (Object.values(counts).every((n) => n === 0)) return total;
  }
}

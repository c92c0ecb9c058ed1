import type { EffectHandler } from "./effect.js";

/**
 * Start over: the draft row is emptied in this event's transaction (the engine saves the empty draft);
 * after the commit its photos are deleted unless something else still refers to them (the same photo
 * in a submitted application, by content address).
 */
export const discardDraft: EffectHandler<"effect.discardDraft"> = async (effect, ctx) => {
  if (effect.documentIds.length === 0) return null;
  const { store, documents } = ctx.deps;
  ctx.afterCommit.push(async () => {
    const referenced = await store.exclusiveTransaction((tx) => tx.referencedDocuments());
    await documents.deleteUnreferenced(effect.documentIds, referenced);
  });
  return null;
};

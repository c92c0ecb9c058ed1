import type { EffectHandler } from "./effect.js";

/** Writes an accepted photo and its preview (fsynced) before the commit that refers to them; content addressing makes a rollback harmless. */
export const keepDocument: EffectHandler<"effect.keepDocument"> = async (effect, ctx) => {
  const accepted = ctx.upload?.accepted;
  if (accepted && ctx.upload?.upload.document?.id === effect.documentId) {
    const owner = { userId: accepted.ownerId, key: await ctx.tx.userKey(accepted.ownerId) };
    await ctx.deps.documents.put(accepted.keep, owner);
    await ctx.deps.documents.put(accepted.preview, owner);
  }
  return null;
};

import type { EffectHandler } from "./effect.js";

/** Writes an accepted photo and its preview (fsynced) before the commit that refers to them; content addressing makes a rollback harmless. */
export const keepDocument: EffectHandler<"effect.keepDocument"> = async (effect, ctx) => {
  if (ctx.upload?.accepted && ctx.upload.upload.document?.id === effect.documentId) {
    await ctx.deps.documents.put(ctx.upload.accepted.keep);
    await ctx.deps.documents.put(ctx.upload.accepted.preview);
  }
  return null;
};

import { afterErasure, eraseInTransaction, exportUserData } from "../../applications/privacy-rights.js";
import { actorId } from "../../domain/actor.js";
import { msg } from "../../i18n/message.js";
import type { EffectHandler } from "./effect.js";

/** Everything held about the user, as a JSON file in their chat. */
export const exportData: EffectHandler<"effect.exportData"> = async (_effect, ctx) => {
  const data = await exportUserData(ctx.tx, ctx.deps.documents, ctx.user.id, ctx.now);
  ctx.outgoing.push({
    locale: ctx.locale,
    body: [msg("privacy.export.ready")],
    file: { name: `my-data-${ctx.now.toISOString().slice(0, 10)}.json`, content: Buffer.from(JSON.stringify(data, null, 2)) },
  });
  ctx.deps.logger.info({ platform: ctx.event.platform }, "personal data exported at the user's request");
  return null;
};

/** Erases the user's personal data (refused while an application is being decided); their files go after the commit. */
export const eraseData: EffectHandler<"effect.eraseData"> = async (_effect, ctx) => {
  const result = await eraseInTransaction(ctx.tx, ctx.user.id, actorId.user(ctx.event), ctx.now);
  if ("refused" in result) return { type: "privacy.eraseRefused", reference: result.reference };
  ctx.afterCommit.push(() => afterErasure(ctx.deps.store, ctx.deps.documents, result));
  ctx.deps.logger.info({ platform: ctx.event.platform, erased: result.counts }, "personal data erased at the user's request");
  return { type: "privacy.erased" };
};

import { randomUUID } from "node:crypto";
import type { EffectHandler } from "./effect.js";

/** Keeps a question the FAQ missed — sealed, without the user — for operators to learn from (`cli faq unmatched`). */
export const noteFaqMiss: EffectHandler<"effect.noteFaqMiss"> = async (effect, ctx) => {
  const id = randomUUID();
  await ctx.tx.noteFaqMiss({ id, question: effect.question, outcome: effect.outcome, topic: effect.topic ?? null, at: ctx.now });
  return { type: "faq.missNoted", id };
};

/** The topic the user picked after a miss, noted with it. */
export const settleFaqMiss: EffectHandler<"effect.settleFaqMiss"> = async (effect, ctx) => {
  await ctx.tx.settleFaqMiss(effect.id, effect.topic);
  return null;
};

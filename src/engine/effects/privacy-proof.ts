import { randomUUID } from "node:crypto";
import { maskEmail, maskPhone } from "../../domain/masking.js";
import { msg, translate } from "../../i18n/message.js";
import { emailMessage } from "../../notifications/email-message.js";
import type { EffectHandler } from "./effect.js";
import { issueCode } from "./send-code.js";

/**
 * Before a data export or erasure, a fresh one-time code to the address registered with the user's
 * latest application (or their draft): by SMS where SMS can be sent, else by email where email is
 * configured. A stolen or shared chat account alone cannot take the documents. With neither channel
 * there is nothing more to prove than the chat. The same 24-hour limits as the phone's codes, keyed
 * by the address: they survive erasure like the others.
 */
export const privacyProof: EffectHandler<"effect.privacyProof"> = async (effect, ctx) => {
  const { deps, tx } = ctx;
  const registered = (await tx.latestContactDetails(ctx.user.id)) ?? {};
  const phone = registered.phone ?? effect.phone;
  const email = registered.email ?? effect.email;
  const channel =
    deps.smsAvailable && phone
      ? ({ kind: "sms", to: phone } as const)
      : deps.email && email
        ? ({ kind: "email", to: email } as const)
        : null;
  if (!channel) return { type: "privacy.proofSkipped", action: effect.action };

  const result = await issueCode(ctx, channel.to);
  if ("refused" in result) return { type: "privacy.proofRefused", until: result.refused.until };
  const { code, issued } = result;
  if (channel.kind === "sms") {
    const text = translate(ctx.locale, msg("sms.code", { code }));
    ctx.afterCommit.push(() => deps.sms.send(channel.to, text));
  } else {
    const body = msg("privacy.proof.email", { code });
    const message = emailMessage(ctx.locale, { subject: msg("privacy.proof.emailSubject"), body: [body], sms: body });
    ctx.afterCommit.push(() => deps.email!.send(channel.to, message, `proof-${randomUUID()}`));
  }
  const to = channel.kind === "sms" ? maskPhone(channel.to) : maskEmail(channel.to);
  return { type: "privacy.proofSent", action: effect.action, issued, to };
};

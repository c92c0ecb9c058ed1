import type { Method } from "../src/domain/application.js";
import type { Channel } from "../src/domain/delivery.js";
import { joinMessages, type Message, msg } from "../src/i18n/message.js";

/**
 * What a text may promise about this deployment: only the channels that will really carry the
 * result, and only the methods really offered (no SMS provider: no phone method, anywhere).
 */

/** "here, by email and by SMS" — the chat always, then each configured channel. */
export function channelsPhrase(channels: readonly Channel[]): Message {
  const parts = [
    msg("notify.here"),
    ...(channels.includes("email") ? [msg("notify.byEmail")] : []),
    ...(channels.includes("sms") ? [msg("notify.bySms")] : []),
  ];
  return andList(parts);
}

/** What the email asked for at registration is for here: the result goes there only where email is sent. */
export function emailUse(channels: readonly Channel[]): Message {
  return msg(channels.includes("email") ? "email.use.result" : "email.use.details");
}

/** What the phone asked for at registration is for here: the result is texted there only where SMS is sent. */
export function phoneUse(channels: readonly Channel[]): Message {
  return msg(channels.includes("sms") ? "phone.use.result" : "phone.use.details");
}

/** The methods offered, in the menu's order: "Personal ID card, Phone and Enterprise". */
export function methodsPhrase(smsAvailable: boolean): Message {
  const methods: Method[] = smsAvailable ? ["id_card", "phone", "enterprise"] : ["id_card", "enterprise"];
  return andList(methods.map((method) => msg(`method.${method}`)));
}

function andList(parts: readonly Message[]): Message {
  if (parts.length === 1) return parts[0]!;
  return msg("list.and", { head: joinMessages(parts.slice(0, -1)), tail: parts.at(-1)! });
}

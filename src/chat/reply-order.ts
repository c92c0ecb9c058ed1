import type { ChatAddress } from "../domain/platform.js";
import type { Reply } from "./reply.js";

/**
 * One turn's replies in reading order. What effects sent to this chat (a data export's file, a result
 * sent again) goes before the pending question, which is read last; what they sent elsewhere (a card
 * for reviewers) follows. `promptLast`: the turn's own replies end with the pending question.
 */
export function inReadingOrder(own: readonly Reply[], sent: readonly Reply[], chat: ChatAddress, promptLast: boolean): Reply[] {
  const here = (reply: Reply) => !reply.to || (reply.to.platform === chat.platform && reply.to.chatId === chat.chatId);
  const forHere = sent.filter(here);
  const elsewhere = sent.filter((reply) => !here(reply));
  if (!promptLast || own.length === 0) return [...own, ...forHere, ...elsewhere];
  return [...own.slice(0, -1), ...forHere, own.at(-1)!, ...elsewhere];
}

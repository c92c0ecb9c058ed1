import type { Channel } from "../domain/delivery.js";
import { msg } from "../i18n/message.js";
import type { Store } from "../ports/store.js";
import { notify } from "./notify.js";

/** The longest answer sent: a chat message, not a letter. */
export const MAX_SUPPORT_ANSWER_CHARS = 2000;

export type SupportAnswerResult =
  | { outcome: "sent"; channels: Channel[] }
  /** No request has this reference. */
  | { outcome: "unknown" }
  /** The user's data was erased since: there is no chat to answer in. */
  | { outcome: "no_chat" };

/**
 * The team's answer to a chat's support request: delivered in the user's
 * chat (and by email where results go by email too — an answer is not worth
 * an SMS), and the request marked answered. Answering again sends a follow-up.
 */
export async function answerSupportRequest(
  store: Pick<Store, "transaction">,
  reference: string,
  text: string,
  channels: readonly Channel[],
  now: Date,
): Promise<SupportAnswerResult> {
  return store.transaction(async (tx) => {
    const request = await tx.supportRequest(reference);
    if (!request) return { outcome: "unknown" };
    const notice = await notify(tx, {
      userId: request.userId,
      kind: "support",
      reference,
      content: {
        body: [msg("support.answer", { reference, text })],
        subject: msg("notification.subject.supportAnswer", { reference }),
        sms: msg("support.answer", { reference, text }),
      },
      channels: channels.filter((channel) => channel !== "sms"),
      at: now,
    });
    if (!notice) return { outcome: "no_chat" };
    await tx.markSupportAnswered(reference, now);
    return { outcome: "sent", channels: notice.channels };
  });
}

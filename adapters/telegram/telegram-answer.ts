import type { Reply } from "../../src/chat/reply.js";
import { msg } from "../../src/i18n/message.js";
import { MESSAGE_LIMIT, messageText } from "./telegram-render.js";

/**
 * Telegram takes one method with the answer to its webhook request, and takes it with the answer or not
 * at all: only an update whose replies are one message is shown exactly once after a crash. So the plain
 * replies before an update's last (the welcome before /start's menu, "Photo received." before the next
 * step) are joined into it, a blank line apart, as far as one message holds them; what does not fit, or
 * is not plain, goes by call before it, as before. The last reply keeps its buttons.
 */
export function joinIntoAnswer(replies: readonly Reply[]): Reply[] {
  const last = replies.at(-1);
  if (!last || !mayCarry(last)) return [...replies];
  let first = replies.length - 1;
  let length = messageText(last).length;
  while (first > 0) {
    const before = replies[first - 1]!;
    // A reply is translated in its own locale when shown: one from before a /lang switch stays a message of its own.
    if (!isPlain(before) || before.locale !== last.locale) break;
    // Two more characters: the blank line between them.
    const longer = length + messageText(before).length + 2;
    if (longer > MESSAGE_LIMIT) break;
    length = longer;
    first--;
  }
  if (first === replies.length - 1) return [...replies];
  const joined = replies.slice(first).flatMap((reply, index) => (index === 0 ? reply.body : [msg("paragraph.break"), ...reply.body]));
  return [...replies.slice(0, first), { ...last, body: joined }];
}

/** Shown as one new message in the update's chat, which more text may precede. */
function mayCarry(reply: Reply): boolean {
  return (
    !reply.to && !reply.card && !reply.replacesPressed && !reply.ephemeral && !reply.privately && !reply.attachments?.length && !reply.file
  );
}

/** A text alone: nothing that must stay its own message (buttons, the contact keyboard, a notification's record). */
function isPlain(reply: Reply): boolean {
  return mayCarry(reply) && !reply.choices?.length && !reply.form && !reply.notificationId && reply.expects !== "phone";
}

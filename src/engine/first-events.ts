import type { ConversationEvent } from "../../machines/conversation.events.js";
import type { ReplyContent } from "../../machines/conversation.prompts.js";
import { type ChatEvent, commandOf } from "../chat/chat-event.js";
import { sharedFaqMatcher } from "../faq/faq-matcher.js";
import type { PreparedUpload } from "./effects/effect.js";
import { type EventStamp, toMachineEvent } from "./to-machine-event.js";
import { typedPress } from "./typed-choice.js";

/**
 * What the conversation machine hears first from a chat event. A newcomer's first words, unless a question
 * the FAQ can answer, get the welcome and the menu. A button's label typed is that button pressed (for a
 * newcomer, after the welcome); `asked`, the question pending with its buttons, is built only for typed text.
 */
export function firstEvents(
  event: ChatEvent,
  {
    isNewChat,
    stamp,
    upload,
    asked,
  }: { isNewChat: boolean; stamp: EventStamp; upload: PreparedUpload | undefined; asked: () => ReplyContent },
): ConversationEvent[] {
  const press = event.kind === "text" && !commandOf(event) ? typedPress(event.text, asked().choices ?? []) : undefined;
  if (press) {
    // Two members of the event union (a press, a command): TypeScript checks each branch against its own.
    const pressed: ConversationEvent = press === "cmd.status" ? { type: press, ...stamp } : { type: press, ...stamp };
    return isNewChat ? [{ type: "cmd.start", ...stamp }, pressed] : [pressed];
  }
  const machineEvent = toMachineEvent(event, stamp, upload?.upload, (text) => sharedFaqMatcher().match(text));
  return [isNewChat && machineEvent.type === "user.text" && !machineEvent.faq ? { type: "cmd.start", ...stamp } : machineEvent];
}

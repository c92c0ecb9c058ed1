import { setup } from "xstate";
import type { Message } from "../src/i18n/message.js";
import type { ConversationContext, ConversationEvent, ConversationInput, ConversationOutput } from "./conversation.events.js";

/** Typed action creators for the conversation's action files (the machine's own `setup` uses these actions). */
export const act = setup({
  types: {
    context: {} as ConversationContext,
    events: {} as ConversationEvent,
    input: {} as ConversationInput,
    emitted: {} as ConversationOutput,
  },
});

/** A reply of these paragraphs, without buttons. */
export const reply = (...body: Message[]): ConversationOutput => ({ type: "reply", body });

import type { ChoiceId } from "../../machines/conversation.choices.js";
import type { CheckedUpload, ConversationEvent } from "../../machines/conversation.events.js";
import { type ChatEvent, commandOf, USER_COMMANDS } from "../chat/chat-event.js";
import type { Channel } from "../domain/delivery.js";
import { validatePhone } from "../domain/phone.js";
import type { RetentionPolicy } from "../domain/retention-policy.js";
import { smallTalkOf } from "../domain/small-talk.js";
import { textProblem } from "../domain/text.js";
import type { UserRecord } from "../domain/user-record.js";
import type { FaqMatch } from "../faq/faq-matcher.js";
import { localeNamed, questionLocale } from "../i18n/locale.js";

export interface EventStamp {
  now: number;
  record: UserRecord;
  supportContact: string;
  supportAnswerDays?: number;
  smsAvailable: boolean;
  retention: RetentionPolicy;
  timeZone: string;
  resultChannels: readonly Channel[];
  officialChannels?: string;
  reviewer?: boolean;
  waitingSupport?: { reference: string; since: string };
}

/** The user's commands that carry nothing (`/lang` carries the language). */
const SIMPLE_COMMANDS: ReadonlySet<string> = new Set(USER_COMMANDS.filter((command) => command !== "lang"));
/** Typed words that mean /restart (the whole message, any case). */
const START_OVER = new Set(["start over", "restart", "start again", "重新开始", "从头开始", "重新填写"]);

/**
 * Translates what a person did into the conversation's vocabulary. Input
 * that can't be an answer (empty, emoji-only, over-long, stickers) becomes
 * `user.unusable`, so every state answers it the same way.
 */
export function toMachineEvent(
  event: ChatEvent,
  stamp: EventStamp,
  upload?: CheckedUpload,
  faq: (text: string) => FaqMatch = () => ({ topic: null, confidence: 0 }),
): ConversationEvent {
  switch (event.kind) {
    case "text": {
      const command = commandOf(event);
      if (command) return commandEvent(command.name, command.args, stamp);
      const problem = textProblem(event.text);
      if (problem) return { type: "user.unusable", reason: problem, ...stamp };
      if (
        START_OVER.has(
          event.text
            .normalize("NFKC")
            .trim()
            .toLowerCase()
            .replace(/[.!。！]+$/u, ""),
        )
      )
        return { type: "cmd.restart", ...stamp };
      const smallTalk = smallTalkOf(event.text);
      if (smallTalk) return { type: "user.text", text: event.text, smallTalk, ...stamp };
      const { topic, confidence, likely, alternative } = faq(event.text);
      const locale = questionLocale(event.text);
      return {
        type: "user.text",
        text: event.text,
        ...(topic ? { faq: { topic, confidence, ...(alternative ? { alternative } : {}), ...(locale ? { locale } : {}) } } : {}),
        ...(likely ? { likelyTopics: likely } : {}),
        ...stamp,
      };
    }
    case "command": {
      const { name, args } = commandOf(event)!;
      return commandEvent(name, args, stamp);
    }
    case "choice":
      // The id is whatever the platform sent back: one we never offered (stale or forged) falls to the machine's `choice.*` wildcard.
      return { type: `choice.${event.choice as ChoiceId}`, ...stamp };
    case "file":
      return { type: "user.file", upload: upload ?? { problems: [event.file.problem ?? { code: "unreadable" }] }, ...stamp };
    case "contact": {
      const phone = validatePhone(event.phone);
      if (!phone.valid) return { type: "user.unusable", reason: "unsupported", ...stamp };
      return { type: "user.contact", phone: phone.normalized, ownNumber: event.ownNumber, ...stamp };
    }
    case "document_read":
      return { type: "document.read", documentId: event.documentId, read: event.read, ...stamp };
    case "form": // forms are the review desk's; a user has none to submit
    case "unsupported":
      return { type: "user.unusable", reason: "unsupported", ...stamp };
  }
}

function commandEvent(name: string, args: string, stamp: EventStamp): ConversationEvent {
  if (SIMPLE_COMMANDS.has(name)) return { type: `cmd.${name}` as "cmd.start", ...stamp };
  if (name === "lang") {
    const tag = args.trim();
    if (!tag) return { type: "cmd.lang", ...stamp };
    // A language we don't speak ("/lang fr") is said so, not taken for a switch to one we do.
    const locale = localeNamed(tag);
    return locale ? { type: "cmd.lang", locale, ...stamp } : { type: "cmd.lang", unsupported: true, ...stamp };
  }
  return { type: "cmd.unknown", command: `/${name}`, ...stamp };
}

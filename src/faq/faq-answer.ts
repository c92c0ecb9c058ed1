import { msg, type Message } from "../i18n/message.js";
import type { FaqTopic } from "./faq-topics.js";

/** The general answer to a topic (personalised answers with the user's own record come with the conversation integration). */
export function faqAnswer(topic: FaqTopic, supportContact: string): Message {
  return msg(`faq.${topic}`, { support: supportContact });
}

import { assertEvent } from "xstate";
import type { Choice } from "../src/domain/choice.js";
import { FAQ_TOPICS, type FaqTopic } from "../src/domain/faq-topics.js";
import { msg } from "../src/i18n/message.js";
import { act } from "./action-kit.js";
import { choice } from "./conversation.choices.js";
import { faqReply } from "./faq-replies.js";

/** The longest question kept (for support, for operators to learn from). */
const MAX_KEPT_QUESTION = 500;
export const kept = (text: string) => text.trim().slice(0, MAX_KEPT_QUESTION);

const topicChoice = (topic: FaqTopic): Choice => choice(`faq.${topic}`, `faq.topic.${topic}`);

/**
 * The FAQ in the conversation: an answer (in the question's language, with 👍 / 👎 under it), a
 * "Did you mean" when two topics are too close to call, the likeliest topics when nothing matched —
 * and what it missed, kept for operators (`cli faq unmatched`) with the topic the user then picked.
 */
export const faqActions = {
  /** "What does this mean?" after a decision: their own reasons, each with what to do (or what reviewers need). */
  explainDecision: act.emit(({ context, event }) => ({
    type: "reply",
    ...faqReply("failure-reasons", event, undefined, context.draft, context),
  })),
  answerFaq: act.enqueueActions(({ context, event, enqueue }) => {
    const match = event.type === "user.text" ? event.faq : undefined;
    const topic = match ? match.topic : (event.type.slice("choice.faq.".length) as FaqTopic);
    if (!topic || !FAQ_TOPICS.includes(topic)) {
      enqueue.emit({ type: "reply", body: [msg("input.staleChoice")] });
      return;
    }
    if (match?.alternative && event.type === "user.text") {
      // Two topics too close to call: the user picks, rather than reading an answer to another question.
      enqueue.emit({ type: "reply", body: [msg("faq.didYouMean")], choices: [topic, match.alternative].map(topicChoice) });
      enqueue.emit({ type: "effect.noteFaqMiss", question: kept(event.text), outcome: "did_you_mean" });
      enqueue.assign({ lastFaqQuestion: kept(event.text) });
      return;
    }
    // A topic picked after a miss is what the missed question meant: noted with it.
    if (!match && context.faqMiss) enqueue.emit({ type: "effect.settleFaqMiss", id: context.faqMiss, topic });
    enqueue.assign({
      faqMiss: undefined,
      lastFaqQuestion: event.type === "user.text" ? kept(event.text) : context.faqMiss ? context.lastFaqQuestion : undefined,
    });
    const contact = event.type === "user.text" ? event.contact : undefined;
    const answer = faqReply(topic, event, contact, context.draft, context);
    const feedback = [choice(`helpful.${topic}.yes`, "choice.helpfulYes"), choice(`helpful.${topic}.no`, "choice.helpfulNo")];
    const withFeedback = { body: [...answer.body, msg("faq.wasThisHelpful")], choices: [...(answer.choices ?? []), ...feedback] };
    // A question in the other language is answered in it, with the way to switch for good.
    if (!match?.locale || match.locale === context.locale) enqueue.emit({ type: "reply", ...withFeedback });
    else
      enqueue.emit({
        type: "reply",
        ...withFeedback,
        body: [...answer.body, msg("faq.switchLanguage"), msg("faq.wasThisHelpful")],
        locale: match.locale,
      });
  }),
  offerTopics: act.enqueueActions(({ event, enqueue }) => {
    assertEvent(event, "user.text");
    enqueue.assign({ unansweredQuestion: kept(event.text), lastFaqQuestion: kept(event.text) });
    // The few most likely topics, not all of them: a phone screen shows about three buttons without scrolling.
    const likely = (event.likelyTopics ?? []).map(topicChoice);
    enqueue.emit({
      type: "reply",
      body: [msg(likely.length > 0 ? "faq.noMatch" : "faq.noMatchNoGuess")],
      choices: [...likely, choice("faq", "choice.allTopics"), choice("support", "choice.support")],
    });
    enqueue.emit({ type: "effect.noteFaqMiss", question: kept(event.text), outcome: "no_topic" });
  }),
  rememberFaqMiss: act.assign(({ event }) => {
    assertEvent(event, "faq.missNoted");
    return { faqMiss: event.id };
  }),
  /** 👍 / 👎: thanks; a 👎 keeps the question with the topic it got, and offers the other ways on. */
  takeFaqFeedback: act.enqueueActions(({ context, event, enqueue }) => {
    const [, topic, verdict] = event.type.split(".").slice(1) as [string, FaqTopic, "yes" | "no"];
    if (!FAQ_TOPICS.includes(topic) || (verdict !== "yes" && verdict !== "no")) {
      enqueue.emit({ type: "reply", body: [msg("input.staleChoice")] });
      return;
    }
    if (verdict === "yes") {
      enqueue.emit({ type: "reply", body: [msg("faq.feedbackThanks")] });
      return;
    }
    enqueue.emit({
      type: "reply",
      body: [msg("faq.feedbackSorry")],
      choices: [choice("faq", "choice.allTopics"), choice("support", "choice.support")],
    });
    if (context.lastFaqQuestion) {
      enqueue.emit({ type: "effect.noteFaqMiss", question: context.lastFaqQuestion, outcome: "unhelpful", topic });
      enqueue.assign({ unansweredQuestion: context.lastFaqQuestion, lastFaqQuestion: undefined });
    }
  }),
};

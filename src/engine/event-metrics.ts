import type { ChatEvent } from "../chat/chat-event.js";
import type { Reply } from "../chat/reply.js";
import { FAQ_TOPICS } from "../domain/faq-topics.js";
import type { Metrics } from "../runtime/metrics.js";
import type { PreparedUpload } from "./effects/effect.js";

const FAQ_TOPIC_SET: ReadonlySet<string> = new Set(FAQ_TOPICS);

/** `helpful.<topic>.<yes|no>`: a 👍 / 👎 under a FAQ answer. */
const FEEDBACK = /^helpful\.([a-z-]+)\.(yes|no)$/;

/**
 * Counts what a handled event showed: document problems, read findings told, whether a question
 * found its FAQ answer, and the 👍 / 👎 the conversation took (its thanks was said).
 */
export function observeHandledEvent(
  metrics: Metrics,
  event: ChatEvent,
  upload: PreparedUpload | undefined,
  replies: readonly Reply[],
): void {
  const problems = [...(upload?.upload.problems ?? []), ...(event.kind === "file" && event.file.problem ? [event.file.problem] : [])];
  for (const problem of problems) metrics.documentProblem(problem.code);
  for (const key of replies.flatMap((reply) => reply.body.map((message) => message.key))) {
    if (key === "read.numberDiffers") metrics.readFinding("number_differs");
    else if (key.startsWith("read.wrongSide.")) metrics.readFinding("wrong_side");
    else if (key === "faq.noMatch" || key === "faq.noMatchNoGuess") metrics.faqQuestion(null);
    else if (key.startsWith("faq.") && FAQ_TOPIC_SET.has(key.slice(4))) metrics.faqQuestion(key.slice(4));
    else if ((key === "faq.feedbackThanks" || key === "faq.feedbackSorry") && event.kind === "choice") {
      const [, topic, verdict] = FEEDBACK.exec(event.choice) ?? [];
      if (topic && FAQ_TOPIC_SET.has(topic)) metrics.faqFeedback(topic, verdict === "yes");
    }
  }
}

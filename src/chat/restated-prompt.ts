import type { Message } from "../i18n/message.js";

interface Content {
  body: Message[];
  choices?: readonly unknown[];
  expects?: "text" | "phone" | "document";
}

/**
 * "I don't know" or "why my email?" at a step is answered with the step's question restated, with an
 * example and what it is for (`why.email` restates `ask.email`). The step's prompt that follows would
 * ask the same again, so it is not sent: its other paragraphs, buttons and expected input go under the
 * answer instead, one message where there were two saying the same.
 */
export function withoutRestatedPrompt<T extends Content>(contents: readonly T[]): T[] {
  const prompt = contents.at(-1);
  const answer = contents.at(-2);
  const asked = prompt?.body[0]?.key;
  if (!prompt || !answer || !asked?.startsWith("ask.") || answer.choices?.length) return [...contents];
  if (!answer.body.some((part) => part.key === `why.${asked.slice("ask.".length)}`)) return [...contents];
  const merged: T = {
    ...answer,
    body: [...answer.body, ...prompt.body.slice(1)],
    ...(prompt.choices ? { choices: prompt.choices } : {}),
    ...(prompt.expects ? { expects: prompt.expects } : {}),
  };
  return [...contents.slice(0, -2), merged];
}

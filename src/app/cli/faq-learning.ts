import { FAQ_TOPICS, type FaqTopic } from "../../domain/faq-topics.js";
import { groupSimilarQuestions } from "../../faq/group-questions.js";
import { type CliArgs, expectArgs, print, UsageError, withStore } from "./cli-command.js";

/**
 * `faq unmatched [--since <ISO>] [--json]`: the questions the FAQ missed (no topic, "Did you
 * mean", a 👎), grouped by similarity, most frequent first, with the topics users then picked.
 */
export function faqUnmatched({ rest, json, since }: CliArgs): Promise<number> {
  expectArgs(rest, 0);
  const from = since === undefined ? null : new Date(since);
  if (from && Number.isNaN(from.getTime())) throw new UsageError("--since takes an ISO date or time, e.g. 2026-12-01");
  return withStore(async (store) => {
    const misses = await store.faqLearning().faqMisses(from);
    const groups = groupSimilarQuestions(misses, (miss) => miss.question).map((group) => ({
      question: group.question,
      count: group.items.length,
      examples: [...new Set(group.items.map((miss) => miss.question))].slice(0, 5),
      outcomes: tally(group.items.map((miss) => miss.outcome)),
      topics: tally(group.items.flatMap((miss) => miss.topic ?? [])),
    }));
    if (json) print(JSON.stringify(groups));
    else if (groups.length === 0) print("no unmatched questions");
    else
      for (const group of groups) {
        const topics = Object.entries(group.topics).map(([topic, n]) => `${topic} ×${n}`);
        print(
          `${group.count}×  “${group.question}”  ${Object.entries(group.outcomes)
            .map(([o, n]) => `${o} ×${n}`)
            .join(", ")}`,
        );
        for (const example of group.examples.slice(1)) print(`      “${example}”`);
        if (topics.length > 0) print(`      then picked: ${topics.join(", ")}`);
      }
    return 0;
  });
}

/** `faq teach "<question>" <topic>`: a phrasing for the topic, in force on every instance within a minute. */
export function faqTeach({ rest, json }: CliArgs): Promise<number> {
  expectArgs(rest, 2);
  const [question, topic] = [rest[0]!.trim(), rest[1]!];
  if (!(FAQ_TOPICS as readonly string[]).includes(topic))
    throw new UsageError(`unknown topic "${topic}"; topics: ${FAQ_TOPICS.join(", ")}`);
  if (question.length === 0 || question.length > 500) throw new UsageError("the question must be 1–500 characters");
  return withStore(async (store) => {
    const id = await store.faqLearning().teachPhrasing(question, topic as FaqTopic, new Date());
    print(
      json
        ? JSON.stringify({ id, question, topic })
        : `taught #${id}: “${question}” → ${topic} (in force on every instance within a minute)`,
    );
    return 0;
  });
}

/** `faq taught [--json]`: the phrasings operators taught, oldest first. */
export function faqTaught({ rest, json }: CliArgs): Promise<number> {
  expectArgs(rest, 0);
  return withStore(async (store) => {
    const phrasings = await store.faqLearning().taughtPhrasings();
    if (json) print(JSON.stringify(phrasings));
    else if (phrasings.length === 0) print("no taught phrasings");
    else for (const p of phrasings) print(`#${p.id}  ${p.createdAt}  ${p.topic}  “${p.question}”`);
    return 0;
  });
}

/** `faq forget <id>`: removes a taught phrasing; exit 1 when there is none with that id. */
export function faqForget({ rest, json }: CliArgs): Promise<number> {
  expectArgs(rest, 1);
  const id = Number(rest[0]);
  if (!Number.isInteger(id) || id < 1) throw new UsageError("forget takes the number of a taught phrasing (see faq taught)");
  return withStore(async (store) => {
    const forgotten = await store.faqLearning().forgetPhrasing(id);
    print(json ? JSON.stringify({ id, forgotten }) : forgotten ? `forgot #${id}` : `no taught phrasing #${id}`);
    return forgotten ? 0 : 1;
  });
}

function tally(values: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

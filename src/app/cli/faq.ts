import { faqReply } from "../../../machines/faq-replies.js";
import { NEW_USER_RECORD } from "../../domain/user-record.js";
import { FaqMatcher } from "../../faq/faq-matcher.js";
import { questionLocale } from "../../i18n/locale.js";
import { msg, translate } from "../../i18n/message.js";
import { loadConfigOrExit } from "../../runtime/load-config.js";
import { type CliArgs, type CliCommand, expectArgs, localeOption, print } from "./cli-command.js";
import { faqForget, faqTaught, faqTeach, faqUnmatched } from "./faq-learning.js";

/**
 * `faq "<question>" [--lang zh-CN|en] [--json]`: which FAQ answer a phrasing gets — in the
 * question's language, as in a chat, unless `--lang` says otherwise.
 */
export const faq: CliCommand = (args) => {
  const [first, ...more] = args.rest;
  const learning = first ? LEARNING[first] : undefined;
  if (learning) return learning({ ...args, rest: more });
  return answer(args);
};

/** What operators do with what the FAQ missed. */
const LEARNING: Record<string, (args: CliArgs) => Promise<number>> = {
  unmatched: faqUnmatched,
  teach: faqTeach,
  taught: faqTaught,
  forget: faqForget,
};

function answer({ rest, json, lang }: CliArgs): number {
  expectArgs(rest, 1);
  const config = loadConfigOrExit();
  const question = rest[0]!;
  const locale = lang ? localeOption(lang, config) : (questionLocale(question) ?? localeOption(undefined, config));
  const { topic, confidence, alternative } = new FaqMatcher().match(question);
  // The general answer: content editors check phrasings, not a user's record.
  const answer = topic
    ? faqReply(topic, {
        record: NEW_USER_RECORD,
        supportContact: config.supportContact,
        retention: config,
        timeZone: config.timeZone,
        resultChannels: config.notifyChannels,
        smsAvailable: config.smsAvailable,
        ...(config.officialChannels ? { officialChannels: config.officialChannels } : {}),
      })
        .body.map((message) => translate(locale, message))
        .join("\n")
    : translate(locale, msg("faq.noMatch"));
  const close = alternative ? `  (too close to ${alternative}: the chat asks "Did you mean …?")` : "";
  print(
    json
      ? JSON.stringify({ topic, confidence, ...(alternative ? { alternative } : {}), locale, answer })
      : `${topic ?? "(no topic)"}  ${confidence}${close}\n${answer}`,
  );
  return 0;
}

import { faqReply } from "../../../machines/faq-replies.js";
import { NEW_USER_RECORD } from "../../domain/user-record.js";
import { FaqMatcher } from "../../faq/faq-matcher.js";
import { msg, translate } from "../../i18n/message.js";
import { loadConfigOrExit } from "../../runtime/load-config.js";
import { type CliCommand, expectArgs, localeOption, print } from "./cli-command.js";

/** `faq "<question>" [--lang zh-CN|en] [--json]`: which FAQ answer a phrasing gets. */
export const faq: CliCommand = ({ rest, json, lang }) => {
  expectArgs(rest, 1);
  const config = loadConfigOrExit();
  const locale = localeOption(lang, config);
  const { topic, confidence } = new FaqMatcher().match(rest[0]!);
  // The general answer: content editors check phrasings, not a user's record.
  const answer = topic
    ? faqReply(topic, {
        record: NEW_USER_RECORD,
        supportContact: config.supportContact,
        retention: config,
        timeZone: config.timeZone,
        resultChannels: config.notifyChannels,
        smsAvailable: config.smsAvailable,
      })
        .body.map((message) => translate(locale, message))
        .join("\n")
    : translate(locale, msg("faq.noMatch"));
  print(json ? JSON.stringify({ topic, confidence, answer }) : `${topic ?? "(no topic)"}  ${confidence}\n${answer}`);
  return 0;
};

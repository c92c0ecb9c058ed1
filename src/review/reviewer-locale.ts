import type { ChatEvent } from "../chat/chat-event.js";
import { LOCALES, type Locale, localeFromTag } from "../i18n/locale.js";
import type { ConversationStore } from "../ports/conversation-store.js";

/**
 * The language of what a reviewer acting in a shared review room is told privately (the private view,
 * refusals, pickers): the one their own chat with the bot chose (`/lang`), else their platform's
 * (Telegram's `language_code`, Slack's locale), else the review rooms' (`REVIEW_LOCALE`).
 */
export async function roomReviewerLocale(
  tx: Pick<ConversationStore, "userLocale">,
  event: Pick<ChatEvent, "platform" | "userId" | "locale">,
  reviewLocale: Locale,
): Promise<Locale> {
  const chosen = await tx.userLocale(event.platform, event.userId);
  if (chosen && (LOCALES as readonly string[]).includes(chosen)) return chosen as Locale;
  return localeFromTag(event.locale, reviewLocale);
}

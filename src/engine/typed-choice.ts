import { type ChoiceId, TYPED_ALSO } from "../../machines/conversation.choices.js";
import type { Step } from "../domain/application.js";
import type { Choice } from "../domain/choice.js";
import { editItemNamed } from "../domain/edit-item.js";
import { toSimplifiedChinese } from "../domain/text.js";
import { LOCALES } from "../i18n/locale.js";
import { type Message, msg, translate } from "../i18n/message.js";

/**
 * A button's label typed instead of pressed ("开始认证", "Check status", "企业") does what pressing it
 * does: people type what they read, and without this the menu answered its own label as a question and
 * showed itself again. Only the whole message counts (any case, width, spacing or punctuation, Traditional
 * or Simplified, either language): a name or an address is never mistaken for a button.
 */

/** What a typed label becomes: a press of a button, or /status where no "Check status" button is shown. */
export type TypedPress = `choice.${ChoiceId}` | "cmd.status";

/**
 * Buttons every state answers, wherever they were last shown (beside "I didn't understand", under the
 * privacy notice). A FAQ topic's title is left to the FAQ, which matches it as the question it is.
 */
const EVERYWHERE: ReadonlyArray<{ label: Message; press: TypedPress }> = [
  { label: msg("choice.faq"), press: "choice.faq" },
  { label: msg("choice.allTopics"), press: "choice.faq" },
  { label: msg("choice.support"), press: "choice.support" },
  { label: msg("choice.status"), press: "cmd.status" },
  // Asks once more before anything is withdrawn; refused where nothing is in review.
  { label: msg("choice.withdraw"), press: "choice.withdraw" },
  // Resubmit or Provide information typed by someone with nothing of the kind hears so, not the FAQ on resubmitting
  // or on the documents every method needs; typed by someone with something to fix or send, it starts that.
  { label: msg("choice.resubmit"), press: "choice.resubmit" },
  { label: msg("choice.provideInfo"), press: "choice.provideInfo" },
  { label: msg("choice.privacyExport"), press: "choice.privacy.export" },
  { label: msg("choice.privacyErase"), press: "choice.privacy.erase" },
  // "Submit" typed where no summary is shown means the user's application, not the FAQ on resubmitting:
  // the machine says what is still missing, or where the submitted one stands.
  { label: msg("choice.submit"), press: "choice.consent.agree" },
  { label: msg("choice.consentAgree"), press: "choice.consent.agree" },
  { label: msg("typed.confirmSubmit"), press: "choice.consent.agree" },
];

/** Labels as compared: Simplified, folded, lower case, without spaces, punctuation or quotes. */
function comparable(text: string): string {
  return toSimplifiedChinese(text.normalize("NFKC"))
    .toLowerCase()
    .replace(/[\s\p{P}]/gu, "");
}

/** The same few labels are compared on every typed message: each is made comparable once. */
const comparableLabels = new Map<string, string>();
function comparableLabel(label: string): string {
  let known = comparableLabels.get(label);
  if (known === undefined) {
    // Labels carrying a typed value ("Keep “…”") are many and short-lived: the map is bounded.
    if (comparableLabels.size >= 1_000) comparableLabels.clear();
    known = comparable(label);
    comparableLabels.set(label, known);
  }
  return known;
}

/** No button's label is longer than this (Telegram shows ~20 characters on a phone; "Keep “…”" is cut to fit). */
const LONGEST_LABEL = 40;

/**
 * The press a typed message means, if it is the label of one of the buttons offered (`offered`: the
 * question being asked) or of a button every state answers; a label two offered buttons share is no
 * press. `undefined`: the message is an answer or a question, not a button.
 */
export function typedPress(text: string, offered: readonly Choice[]): TypedPress | undefined {
  if ([...text].length > LONGEST_LABEL) return editItemPress(text, offered);
  const typed = comparable(text);
  if (typed === "") return undefined;
  const names = (button: Choice) => [button.label, ...(TYPED_ALSO[button.id as ChoiceId] ?? [])];
  const pressed = new Set(
    offered
      .filter((button) => names(button).some((name) => LOCALES.some((locale) => comparableLabel(translate(locale, name)) === typed)))
      .map((button) => button.id),
  );
  // The prompts' buttons are built from `ChoiceId`s only (`choice()` in machines/conversation.choices.ts).
  if (pressed.size === 1) return `choice.${[...pressed][0] as ChoiceId}`;
  if (pressed.size > 1) return undefined;
  everywhere ??= new Map(
    EVERYWHERE.flatMap(({ label, press }) => LOCALES.map((locale) => [comparable(translate(locale, label)), press] as const)),
  );
  return everywhere.get(typed) ?? editItemPress(text, offered);
}

/**
 * Asked which item to change, the user may name it rather than type its label ("phone", "my email is
 * wrong", "名字写错了"): nothing else is expected there, so a message naming one offered item presses it.
 */
function editItemPress(text: string, offered: readonly Choice[]): TypedPress | undefined {
  const items = offered.flatMap((button) => (button.id.startsWith("edit.") ? [button.id.slice("edit.".length) as Step] : []));
  if (items.length === 0) return undefined;
  const named = editItemNamed(text, items);
  return named ? `choice.edit.${named}` : undefined;
}

/** `EVERYWHERE` by comparable label, in both languages: built once, on the first typed message. */
let everywhere: ReadonlyMap<string, TypedPress> | undefined;

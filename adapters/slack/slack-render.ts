import type { KnownBlock, View } from "@slack/types";
import type { Form, Reply } from "../../src/chat/reply.js";
import { splitText } from "../../src/chat/split-text.js";
import type { Choice } from "../../src/domain/choice.js";
import type { Locale } from "../../src/i18n/locale.js";
import { type Message, translate } from "../../src/i18n/message.js";
import { inSlackCommands } from "./slack-commands.js";

/** Block Kit's limits: characters in a section's text, buttons per actions block, characters of a modal title. */
const SECTION_LIMIT = 3000;
const BUTTONS_PER_BLOCK = 25;
const BUTTON_TEXT_LIMIT = 75;
const TITLE_LIMIT = 24;

/** Action ids of our buttons: `vc.<index>`, the choice id in the value (Block Kit wants action ids unique per message). */
export const CHOICE_ACTION = /^vc\.\d+$/;
/** The block ids of a form's parts, which come back in its submission. */
export const FORM_BLOCKS = { options: "options", note: "note" } as const;

export interface SlackMessage {
  /** Plain text for notifications and clients that can't show blocks. */
  text: string;
  blocks: KnownBlock[];
}

/** A reply as a Block Kit message: one section per paragraph (long ones split), buttons below. */
export function renderMessage(reply: Reply, { withButtons = true } = {}): SlackMessage {
  const paragraphs = reply.body.map((message) => inSlackCommands(translate(reply.locale, message)));
  const blocks: KnownBlock[] = paragraphs.flatMap((paragraph) =>
    splitText(paragraph, SECTION_LIMIT).map((text): KnownBlock => ({ type: "section", text: { type: "plain_text", text, emoji: true } })),
  );
  if (withButtons) blocks.push(...buttonBlocks(reply.locale, reply.choices ?? []));
  return { text: paragraphs.join("\n").slice(0, 4000), blocks };
}

function buttonBlocks(locale: Locale, choices: Choice[]): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  for (let start = 0; start < choices.length; start += BUTTONS_PER_BLOCK) {
    blocks.push({
      type: "actions",
      elements: choices.slice(start, start + BUTTONS_PER_BLOCK).map((choice, offset) => ({
        type: "button",
        action_id: `vc.${start + offset}`,
        value: choice.id,
        text: { type: "plain_text", text: translate(locale, choice.label).slice(0, BUTTON_TEXT_LIMIT), emoji: true },
      })),
    });
  }
  return blocks;
}

/** A form as a modal: checkboxes (values are the options' indexes) and an optional multi-line note. */
export function renderModal(locale: Locale, form: Form, privateMetadata: string): View {
  const text = (message: Message) => translate(locale, message);
  const blocks: KnownBlock[] = [
    {
      type: "input",
      block_id: FORM_BLOCKS.options,
      label: { type: "plain_text", text: text(form.optionsLabel) },
      element: {
        type: "checkboxes",
        action_id: "value",
        options: form.options.map((option, index) => ({
          text: { type: "plain_text", text: text(option).slice(0, BUTTON_TEXT_LIMIT) },
          value: String(index),
        })),
      },
    },
  ];
  if (form.note) {
    blocks.push({
      type: "input",
      block_id: FORM_BLOCKS.note,
      optional: true,
      label: { type: "plain_text", text: text(form.note.label) },
      element: { type: "plain_text_input", action_id: "value", multiline: true, max_length: 1000 },
    });
  }
  return {
    type: "modal",
    callback_id: form.id,
    private_metadata: privateMetadata,
    title: { type: "plain_text", text: text(form.title).slice(0, TITLE_LIMIT) },
    submit: { type: "plain_text", text: text(form.submitLabel).slice(0, TITLE_LIMIT) },
    blocks,
  };
}

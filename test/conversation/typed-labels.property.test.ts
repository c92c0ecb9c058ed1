import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Reply } from "../../src/chat/reply.js";
import { METHODS } from "../../src/domain/application.js";
import { LOCALES } from "../../src/i18n/locale.js";
import { translate } from "../../src/i18n/message.js";
import { input, send } from "../helpers/generated-conversations.js";
import { createHarness, type Harness, keys } from "../helpers/harness.js";

/**
 * A button's label typed does what pressing the button does (src/engine/typed-choice.ts), model-based:
 * two users go through the same generated conversation; then one presses a button of the question left
 * pending and the other types its label, in either language. Both get the same replies, with the same
 * buttons, and are left at the same step.
 */

/** Buttons of answers and lists (a topic, 👍/👎, the next page of topics), not of the question pending. */
const NOT_OF_THE_QUESTION = /^(faq\.|helpful\.|topics\.more$)/;

async function state(harness: Harness): Promise<string> {
  return (await harness.store.conversationState("console", "alice"))?.state ?? "none";
}

const seen = (replies: Reply[]) => ({ said: keys(replies), buttons: replies.at(-1)?.choices?.map((button) => button.id) ?? [] });

describe("typing a button's label", () => {
  it("does what pressing the button does, at every step, in either language", async () => {
    const pressedIds = new Set<string>();
    await fc.assert(
      fc.asyncProperty(
        fc.array(input, { minLength: 1, maxLength: 20 }),
        fc.nat(),
        fc.constantFrom(...LOCALES),
        async (steps, pick, locale) => {
          const pressing = await createHarness();
          const typing = await createHarness();
          try {
            let pending: Reply[] = [];
            // The pressing user goes last: its replies are the ones whose button is pressed.
            for (const harness of [typing, pressing]) {
              await harness.chat("alice").text("/start");
              for (const step of steps) pending = await send(harness, step);
            }
            const buttons = (pending.filter((reply) => !reply.to).at(-1)?.choices ?? []).filter(
              (button) => !NOT_OF_THE_QUESTION.test(button.id),
            );
            const button = buttons[pick % Math.max(1, buttons.length)];
            if (!button) return;
            const label = translate(locale, button.label);
            // Two buttons of one question with the same label: typing it presses neither (typed-choice's unit test).
            if (buttons.filter((other) => translate(locale, other.label) === label).length > 1) return;
            pressedIds.add(button.id);
            const pressed = await pressing.chat("alice").press(button.id);
            const typed = await typing.chat("alice").text(label);
            expect(seen(typed), `typed "${label}" for ${button.id} at ${await state(typing)}`).toEqual(seen(pressed));
            expect(await state(typing)).toBe(await state(pressing));
          } finally {
            await Promise.all([pressing.close(), typing.close()]);
          }
        },
      ),
      // A fixed seed, so the coverage below holds on every run; TYPED_LABEL_SEED explores others.
      { numRuns: Number(process.env.TYPED_LABEL_RUNS ?? 40), seed: Number(process.env.TYPED_LABEL_SEED ?? 8) },
    );
    // The menu's buttons, the methods, the summary's and the phone code's, not only the first question's.
    const menu = ["start", "status", "faq", "support"];
    const methods = METHODS.map((method) => `method.${method}`);
    for (const id of [...menu, ...methods, "consent.agree", "edit", "code.resend"]) expect(pressedIds).toContain(id);
  }, 240_000);

  it("by a newcomer, as their first message: the welcome, then what the button does", async () => {
    const harness = await createHarness();
    try {
      expect(keys(await harness.chat("alice").text("开始认证"))).toEqual(["menu.welcome", "ask.name"]);
      expect(keys(await harness.chat("bob").text("Check status"))).toEqual(["menu.welcome", "situation.none", "menu.prompt"]);
    } finally {
      await harness.close();
    }
  });
});

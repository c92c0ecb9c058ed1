import fc from "fast-check";
import type { Reply } from "../../src/chat/reply.js";
import { FAQ_TOPICS } from "../../src/domain/faq-topics.js";
import type { Harness } from "./harness.js";
import { minimalGoodJpeg } from "./hostile-files.js";

/**
 * Generated conversations for the model-based tests: every kind of input a person sends — answers,
 * non-answers, emoji, greetings, commands, buttons of this and earlier messages and of the review desk,
 * photos, contacts, codes — and, most often, the right answer to whatever is pending.
 */
const TEXTS = [
  "Zhang San",
  "张三",
  "zhang.san@example.com",
  "13812348000",
  "11010519491231002X",
  "91350100M000100Y43",
  "北京某某科技有限公司",
  "I don't know",
  "不知道",
  "what should I write here",
  "why do you need my name",
  "👍🎉",
  "hi",
  "谢谢",
  "how long does the review take",
  "123",
  "x".repeat(1200),
];
const COMMANDS = ["/start", "/status", "/help", "/back", "/cancel", "/restart", "start over", "/lang", "/privacy", "/nonsense"];
const CHOICES = [
  "start",
  "status",
  "faq",
  "support",
  "method.id_card",
  "method.phone",
  "method.enterprise",
  "submit",
  "edit",
  "edit.name",
  "edit.idFront",
  "editDone",
  "keep",
  "restart.confirm",
  "restart.cancel",
  "consent.agree",
  "consent.back",
  "code.resend",
  "code.changePhone",
  "withdraw",
  "withdraw.cancel",
  "privacy.erase",
  "privacy.erase.cancel",
  "provideInfo",
  "resubmit",
  "photo.keep.id_front",
  "photo.retake.id_back",
  "rv.ok.ZZZZ-ZZZZ",
  "no.such.button",
  ...FAQ_TOPICS.slice(0, 4).map((topic) => `faq.${topic}`),
];

export type Input =
  | { kind: "text"; text: string }
  | { kind: "choice"; choice: string }
  | { kind: "photo"; good: boolean }
  | { kind: "contact"; ownNumber: boolean }
  | { kind: "code" }
  /** The right answer to whatever is pending, so that sequences reach every step, not only the first ones. */
  | { kind: "progress"; method: "id_card" | "phone" | "enterprise" };

/** What moves each state on (the conversation's state names): a valid answer, a photo, or the next button. */
const PROGRESS: Record<string, Input> = {
  menu: { kind: "choice", choice: "start" },
  name: { kind: "text", text: "张三" },
  email: { kind: "text", text: "zhang.san@example.com" },
  phone: { kind: "text", text: "13812348000" },
  idNumber: { kind: "text", text: "11010519491231002X" },
  idFront: { kind: "photo", good: true },
  idBack: { kind: "photo", good: true },
  licence: { kind: "photo", good: true },
  phoneCode: { kind: "code" },
  companyName: { kind: "text", text: "北京某某科技有限公司" },
  uscc: { kind: "text", text: "91350100M000100Y43" },
  legalRepName: { kind: "text", text: "李四" },
  legalRepId: { kind: "text", text: "11010519491231002X" },
  legalRepFront: { kind: "photo", good: true },
  legalRepBack: { kind: "photo", good: true },
  summary: { kind: "choice", choice: "consent.agree" },
  consent: { kind: "choice", choice: "consent.agree" },
};

/** One thing a person sends, weighted towards progress so that sequences reach every step. */
export const input: fc.Arbitrary<Input> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...TEXTS).map((text) => ({ kind: "text" as const, text })) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 30 }).map((text) => ({ kind: "text" as const, text })) },
  { weight: 2, arbitrary: fc.constantFrom(...COMMANDS).map((text) => ({ kind: "text" as const, text })) },
  { weight: 6, arbitrary: fc.constantFrom(...CHOICES).map((choice) => ({ kind: "choice" as const, choice })) },
  { weight: 2, arbitrary: fc.boolean().map((good) => ({ kind: "photo" as const, good })) },
  { weight: 1, arbitrary: fc.boolean().map((ownNumber) => ({ kind: "contact" as const, ownNumber })) },
  { weight: 1, arbitrary: fc.constant({ kind: "code" as const }) },
  {
    weight: 12,
    arbitrary: fc
      .constantFrom("id_card" as const, "phone" as const, "enterprise" as const)
      .map((method) => ({ kind: "progress" as const, method })),
  },
);

let photo: Buffer | undefined;

/** Sends one generated input to the console user "alice". */
export async function send(harness: Harness, step: Input): Promise<Reply[]> {
  const chat = harness.chat("alice");
  switch (step.kind) {
    case "progress": {
      const state = (await harness.store.conversationState("console", "alice"))?.state ?? "menu";
      if (state === "method") return chat.press(`method.${step.method}`);
      return send(harness, PROGRESS[state] ?? { kind: "text", text: "/start" });
    }
    case "text":
      return chat.text(step.text);
    case "choice":
      return chat.press(step.choice);
    case "photo":
      photo ??= await minimalGoodJpeg();
      return chat.file(step.good ? photo : Buffer.from("GIF89a junk"), "photo.jpg");
    case "contact":
      return chat.send({ kind: "contact", phone: "13812348000", ownNumber: step.ownNumber });
    case "code":
      return chat.text(harness.lastCode() || "000000");
  }
}

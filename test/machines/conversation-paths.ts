import { getSimplePaths } from "xstate/graph";
import type { ChoiceId } from "../../machines/conversation.choices.js";
import type { ConversationEvent } from "../../machines/conversation.events.js";
import { conversationMachine } from "../../machines/conversation.machine.js";
import { METHODS } from "../../src/domain/application.js";
import { codeDigest } from "../../src/domain/one-time-code.js";
import { DEFAULT_RETENTION } from "../../src/domain/retention-policy.js";
import { NEW_USER_RECORD } from "../../src/domain/user-record.js";

/**
 * The paths through the conversation that end in a submission, generated
 * from the machine itself with xstate/graph: one valid answer per question,
 * plus the detours a user can take (/back, a wrong answer, a rejected file,
 * an edit from the summary, stepping back from consent).
 */
export const NOW = Date.parse("2026-11-23T02:00:00Z");
export const CODE = "123456";
export const DOCUMENT = { id: "a".repeat(64), previewId: "b".repeat(64), format: "jpeg" as const, bytes: 68, width: 640, height: 600 };
const CODE_KEY = Buffer.alloc(32, 3);
const SALT = "5a17";
const stamp = {
  now: NOW,
  record: NEW_USER_RECORD,
  supportContact: "support@example.com",
  smsAvailable: true,
  retention: DEFAULT_RETENTION,
  timeZone: "Asia/Shanghai",
  resultChannels: ["chat", "email", "sms"] as const,
};

const text = (value: string): ConversationEvent => ({ type: "user.text", text: value, ...stamp });
const choice = (id: string): ConversationEvent => ({ type: `choice.${id as ChoiceId}`, ...stamp });
const back: ConversationEvent = { type: "cmd.back", ...stamp };

export const ANSWERS = {
  name: "张三",
  email: "zhang.san@example.com",
  phone: "13812348000",
  idNumber: "11010519491231002X",
  companyName: "北京某某科技有限公司",
  uscc: "91350100M000100Y43",
  legalRepName: "李四",
  legalRepId: "11010519491231002X",
} as const;

type Snapshot = Parameters<NonNullable<Parameters<typeof getSimplePaths<typeof conversationMachine>>[1]>["toState"] & {}>[0];

function eventsFor(snapshot: Snapshot): ConversationEvent[] {
  const state = String(snapshot.value);
  switch (state) {
    case "menu":
      return [choice("start")];
    case "name":
      return [text(ANSWERS.name), text("Zhang3")];
    case "email":
      return [text(ANSWERS.email), back];
    case "phone":
      return [text(ANSWERS.phone)];
    case "method":
      return METHODS.map((method) => choice(`method.${method}`));
    case "idNumber":
    case "companyName":
    case "uscc":
    case "legalRepName":
    case "legalRepId":
      return [text(ANSWERS[state]), ...(state === "idNumber" ? [text("110105491231002"), back] : [])];
    case "idFront":
    case "idBack":
    case "licence":
    case "legalRepFront":
    case "legalRepBack":
      return [
        { type: "user.file", upload: { document: DOCUMENT, problems: [] }, ...stamp },
        ...(state === "idFront"
          ? [{ type: "user.file" as const, upload: { problems: [{ code: "unsupported_format" as const }] }, ...stamp }]
          : []),
      ];
    case "phoneCode": {
      const phone = snapshot.context.draft.phone!;
      if (snapshot.context.code?.phone !== phone) {
        return [
          {
            type: "code.sent",
            issued: { phone, salt: SALT, hash: codeDigest(CODE_KEY, SALT, phone, CODE), sentAt: NOW, wrongTries: 0 },
            ...stamp,
          },
        ];
      }
      // As the engine sends them: the typed text with its keyed digest under the pending code's salt.
      const typed = (value: string): ConversationEvent => ({
        type: "user.text",
        text: value,
        codeDigest: codeDigest(CODE_KEY, SALT, phone, value),
        ...stamp,
      });
      return [typed(CODE), typed("000000")];
    }
    case "summary":
      return [choice("submit"), choice("edit")];
    case "editPick":
      return [choice("edit.email"), choice("editDone")];
    case "consent":
      return [choice("consent.agree"), choice("consent.back")];
    default:
      return [];
  }
}

export function pathsToSubmission() {
  return getSimplePaths(conversationMachine, {
    input: { locale: "en", draft: { documents: {} } },
    events: eventsFor,
    toState: (snapshot) => snapshot.value === "submitting",
    // Keying states by the event that led to them lets a path pass the same
    // question twice (after /back, a wrong answer, an edit), which plain
    // simple paths would never do.
    serializeState: (snapshot, event) =>
      JSON.stringify([snapshot.value, snapshot.context, event?.type, event?.type === "user.text" ? event.text : null]),
  });
}

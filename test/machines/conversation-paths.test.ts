import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ConversationEvent } from "../../machines/conversation.events.js";
import { type ConversationState, promptFor } from "../../machines/conversation.prompts.js";
import { findUserRecord } from "../../src/applications/user-records.js";
import type { Reply } from "../../src/chat/reply.js";
import { nextMissingStep } from "../../src/domain/application.js";
import { createHarness, type Harness, keys } from "../helpers/harness.js";
import { minimalGoodJpeg } from "../helpers/hostile-files.js";
import { ANSWERS, pathsToSubmission } from "./conversation-paths.js";

const paths = pathsToSubmission();

describe("every path to a submission (generated with xstate/graph)", () => {
  it("covers all three methods and the detours", () => {
    expect(paths.length).toBeGreaterThan(100);
    const events = new Set(paths.flatMap((path) => path.steps.map((step) => step.event.type)));
    for (const type of [
      "choice.method.id_card",
      "choice.method.phone",
      "choice.method.enterprise",
      "cmd.back",
      "choice.edit.email",
      "user.file",
    ]) {
      expect(events).toContain(type);
    }
  });

  it("ends with a complete draft holding exactly the answers given", () => {
    for (const path of paths) {
      const { draft } = path.state.context;
      expect(nextMissingStep(draft)).toBeNull();
      expect(draft).toMatchObject({ name: ANSWERS.name, email: ANSWERS.email, phone: "+8613812348000" });
      if (draft.method === "id_card") expect(Object.keys(draft.documents).sort()).toEqual(["id_back", "id_front"]);
      if (draft.method === "enterprise")
        expect(Object.keys(draft.documents).sort()).toEqual(["legal_rep_back", "legal_rep_front", "licence"]);
      if (draft.method === "phone") expect(draft.phoneVerified).toBe(draft.phone);
    }
  });

  it("asks a question with a non-empty text in every state a user can be in", () => {
    for (const path of paths) {
      for (const { state } of path.steps) {
        if (state.value === "submitting") continue;
        expect(promptFor(state.value as ConversationState, state.context).body.length).toBeGreaterThan(0);
      }
    }
  });

  describe("replayed through the engine and SQLite", () => {
    let harness: Harness;
    beforeAll(async () => {
      harness = await createHarness();
    });
    afterAll(() => harness.close());

    it("submits an application for every path", async () => {
      const photo = await minimalGoodJpeg();
      for (const [index, path] of paths.entries()) {
        const user = `path-${index}`;
        const chat = harness.chat(user);
        let replies: Reply[] = [];
        for (const { event } of path.steps) {
          // A number of its own per path: codes to one number are limited to 5 a day.
          const sent = await replay(harness, chat, event, photo, `1381234${String(8000 + index)}`);
          if (sent) replies = sent;
        }
        expect(keys(replies), `path ${index}`).toContain("submitted.done");
        const record = await findUserRecord(harness.store, "console", user, "2026-11-23");
        expect(record?.application).toMatchObject({
          status: "submitted",
          method: path.state.context.draft.method,
          expectedBy: "2026-11-26",
        });
      }
    }, 120_000);
  });
});

/** Sends what a user would do for one machine event; effect results (code.sent) come from the engine itself. */
async function replay(harness: Harness, chat: ReturnType<Harness["chat"]>, event: ConversationEvent, photo: Buffer, phone: string) {
  switch (event.type) {
    case "xstate.init" as string:
    case "code.sent":
      return null;
    case "user.text":
      // The engine sends a random code by SMS; the model's right code stands for it.
      if (event.text === ANSWERS.phone) return chat.text(phone);
      return chat.text(event.text === "123456" ? harness.lastCode() : event.text);
    case "user.file":
      return chat.file(event.upload.document ? photo : Buffer.from("not an image"));
    case "cmd.back":
      return chat.text("/back");
    default:
      if (event.type.startsWith("choice.")) return chat.press(event.type.slice("choice.".length));
      throw new Error(`no replay for ${event.type}`);
  }
}

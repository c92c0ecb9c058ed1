import { afterEach, describe, expect, it } from "vitest";
import { dispatchChatEvent } from "../../adapters/chat-dispatch.js";
import type { ChatEvent } from "../../src/chat/chat-event.js";
import type { Reply } from "../../src/chat/reply.js";
import { translate } from "../../src/i18n/message.js";
import type { DocumentBytes } from "../../src/ports/document-bytes.js";
import { consoleReviewers } from "../../src/review/reviewers.js";
import { adapterTestOptions } from "../helpers/adapter-test-options.js";
import { createHarness, type Harness, registerForIdCard } from "../helpers/harness.js";
import { minimalGoodJpeg } from "../helpers/hostile-files.js";

/** A full disk (`ENOSPC`) or a read-only directory (`EROFS`) under the document store, while the switch is on. */
function failingWrites(fault: { on: boolean; code: string }) {
  return (real: DocumentBytes): DocumentBytes => ({
    refresh: (id) => real.refresh(id),
    read: (id) => real.read(id),
    readSync: (id) => real.readSync(id),
    remove: (id) => real.remove(id),
    list: () => real.list(),
    async write(id, sealed) {
      if (fault.on) throw Object.assign(new Error(`${fault.code}: simulated, write '${id.slice(0, 6)}…'`), { code: fault.code });
      return real.write(id, sealed);
    },
  });
}

describe.each(["ENOSPC", "EROFS"])("document storage failing with %s", (code) => {
  let harness: Harness;
  const fault = { on: false, code };
  afterEach(() => harness.close());

  it("the user is asked to send it again, nothing confirmed is lost, and the next try is served", async () => {
    harness = await createHarness({ reviewers: consoleReviewers(["rita"]), documentBytes: failingWrites(fault) });
    const chat = harness.chat("alice");
    await registerForIdCard(chat);
    await chat.text("11010519491231002X");
    const shown: string[] = [];
    const options = adapterTestOptions(harness, consoleReviewers(["rita"]));
    const upload = async (id: string) => {
      const event: ChatEvent = {
        id,
        platform: "console",
        chatId: "alice",
        userId: "alice",
        kind: "file",
        file: { name: "front.jpg", bytes: await minimalGoodJpeg(3) },
      };
      await dispatchChatEvent(event, options, {
        platform: "console",
        sendHere: async (reply: Reply) => void shown.push(reply.body.map((m) => translate(reply.locale, m)).join("\n")),
        apologise: async (text) => void shown.push(text),
      });
    };

    fault.on = true;
    await upload("upload-1");
    expect(shown).toEqual(["Sorry, something went wrong on our side and your last message was not saved. Please send it again."]);
    const draft = await harness.store.transaction(async (tx) => tx.loadDraft((await tx.findUserId("console", "alice"))!));
    expect(draft).toMatchObject({ name: "张三", idNumber: "11010519491231002X", documents: {} });

    fault.on = false;
    shown.length = 0;
    await upload("upload-2");
    expect(shown.join("\n")).toMatch(/back/i); // the front is taken; the back is asked for
  });
});

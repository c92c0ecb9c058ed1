import type { AdapterOptions } from "../../adapters/adapter-options.js";
import { dispatchChatEvent } from "../../adapters/chat-dispatch.js";
import type { ChatEvent } from "../../src/chat/chat-event.js";
import { translate } from "../../src/i18n/message.js";

/**
 * Texts from one console user through the adapters' shared dispatch path, as a platform sends them:
 * each call returns what the user was shown — the replies, or the apology when handling failed.
 */
export function dispatchedTexts(options: AdapterOptions, user = "alice"): (text: string) => Promise<string> {
  let n = 0;
  return async (text) => {
    const shown: string[] = [];
    const event: ChatEvent = { id: `e${++n}`, platform: "console", chatId: user, userId: user, kind: "text", text };
    await dispatchChatEvent(event, options, {
      platform: "console",
      sendHere: async (reply) => void shown.push(reply.body.map((message) => translate(reply.locale, message)).join("\n")),
      apologise: async (apology) => void shown.push(apology),
    });
    return shown.join("\n");
  };
}

import type { ChatAddress } from "../domain/platform.js";

/**
 * Which platform message shows a review card in a chat, so an adapter can
 * edit it after a decision, also after a restart.
 */
export interface CardMessages {
  find(chat: ChatAddress, card: string): Promise<string | null>;
  remember(chat: ChatAddress, card: string, messageId: string): Promise<void>;
}

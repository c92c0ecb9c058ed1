import type { Kysely } from "kysely";
import type { ChatAddress } from "../src/domain/platform.js";
import type { CardMessages } from "../src/ports/card-messages.js";
import type { Database } from "./schema.js";

export class SqlCardMessages implements CardMessages {
  constructor(private readonly db: Kysely<Database>) {}

  async find(chat: ChatAddress, card: string): Promise<string | null> {
    const row = await this.db
      .selectFrom("card_messages")
      .select("message_id")
      .where("platform", "=", chat.platform)
      .where("chat_id", "=", chat.chatId)
      .where("card", "=", card)
      .executeTakeFirst();
    return row?.message_id ?? null;
  }

  async remember(chat: ChatAddress, card: string, messageId: string): Promise<void> {
    const updatedAt = new Date().toISOString();
    await this.db
      .insertInto("card_messages")
      .values({ platform: chat.platform, chat_id: chat.chatId, card, message_id: messageId, updated_at: updatedAt })
      .onConflict((conflict) =>
        conflict.columns(["platform", "chat_id", "card"]).doUpdateSet({ message_id: messageId, updated_at: updatedAt }),
      )
      .execute();
  }
}

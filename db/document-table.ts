import type { Kysely } from "kysely";
import type { DocumentBytes } from "../src/ports/document-bytes.js";
import type { Database } from "./schema.js";

/** Document bytes in the `document_files` table: every instance on one PostgreSQL database sees them. */
export class DocumentTable implements DocumentBytes {
  constructor(private readonly db: Kysely<Database>) {}

  async refresh(id: string): Promise<boolean> {
    const result = await this.db
      .updateTable("document_files")
      .set({ written_at: new Date().toISOString() })
      .where("id", "=", id)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async write(id: string, sealed: Buffer): Promise<void> {
    // Its own statement, committed before the event's transaction that refers to it.
    const written_at = new Date().toISOString();
    await this.db
      .insertInto("document_files")
      .values({ id, bytes: sealed, written_at })
      .onConflict((conflict) => conflict.column("id").doUpdateSet({ bytes: sealed, written_at }))
      .execute();
  }

  async read(id: string): Promise<Buffer> {
    const row = await this.db.selectFrom("document_files").select("bytes").where("id", "=", id).executeTakeFirstOrThrow();
    return Buffer.from(row.bytes);
  }

  readSync(): null {
    return null;
  }

  async remove(id: string): Promise<boolean> {
    const result = await this.db.deleteFrom("document_files").where("id", "=", id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async list(): Promise<Array<{ id: string; writtenAt: Date }>> {
    const rows = await this.db.selectFrom("document_files").select(["id", "written_at"]).execute();
    return rows.map((row) => ({ id: row.id, writtenAt: new Date(row.written_at) }));
  }
}

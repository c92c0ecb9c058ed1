import { type ColumnDefinitionBuilder, type Kysely, PostgresAdapter, sql } from "kysely";

/**
 * What the migrations write differently for SQLite and PostgreSQL. The SQLite
 * output is exactly what these migrations always produced (databases already
 * migrated must match what a new one gets).
 */
export function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** An integer key the database numbers: SQLite's autoincrement, PostgreSQL's identity column. */
export function numberedKey(db: Kysely<any>) {
  return (column: ColumnDefinitionBuilder) =>
    isPostgres(db) ? column.primaryKey().generatedByDefaultAsIdentity() : column.primaryKey().autoIncrement();
}

/**
 * Triggers that make a table append-only: deleting a row is refused, and so is updating it —
 * only the listed columns, or (none listed) any column.
 */
export async function appendOnly(db: Kysely<any>, table: string, guardedColumns?: readonly string[]): Promise<void> {
  const message = `${table} is append-only`;
  const of = guardedColumns ? ` of ${guardedColumns.join(", ")}` : "";
  if (!isPostgres(db)) {
    await sql`create trigger ${sql.raw(`${table}_no_delete`)} before delete on ${sql.table(table)}
    begin select raise(abort, ${sql.lit(message)}); end`.execute(db);
    await sql`create trigger ${sql.raw(`${table}_no_update`)} before update${sql.raw(of)} on ${sql.table(table)}
    begin select raise(abort, ${sql.lit(message)}); end`.execute(db);
    return;
  }
  await sql`create or replace function ${sql.raw(`${table}_refuse_change`)}() returns trigger language plpgsql as ${sql.lit(
    `begin raise exception '${message}'; end`,
  )}`.execute(db);
  await sql`create trigger ${sql.raw(`${table}_no_delete`)} before delete on ${sql.table(table)}
    for each row execute function ${sql.raw(`${table}_refuse_change`)}()`.execute(db);
  await sql`create trigger ${sql.raw(`${table}_no_update`)} before update${sql.raw(of)} on ${sql.table(table)}
    for each row execute function ${sql.raw(`${table}_refuse_change`)}()`.execute(db);
}

export async function dropAppendOnly(db: Kysely<any>, table: string): Promise<void> {
  const on = isPostgres(db) ? sql` on ${sql.table(table)}` : sql``;
  await sql`drop trigger ${sql.raw(`${table}_no_update`)}${on}`.execute(db);
  await sql`drop trigger ${sql.raw(`${table}_no_delete`)}${on}`.execute(db);
  if (isPostgres(db)) await sql`drop function ${sql.raw(`${table}_refuse_change`)}()`.execute(db);
}

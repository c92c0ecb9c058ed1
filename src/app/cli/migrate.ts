import { migrateToLatest } from "../../../db/migrate.js";
import { openDatabase } from "../../../db/open-database.js";
import { loadConfigOrExit } from "../../runtime/load-config.js";
import { type CliCommand, expectArgs, print } from "./cli-command.js";

/** `migrate`: applies database migrations. */
export const migrate: CliCommand = async ({ rest }) => {
  expectArgs(rest, 0);
  const config = loadConfigOrExit();
  const { db } = openDatabase(config.database);
  try {
    const applied = await migrateToLatest(db);
    print(applied.length ? `applied: ${applied.join(", ")}` : "database is up to date");
  } finally {
    await db.destroy();
  }
  return 0;
};

import type { Compilable, CompiledQuery } from "kysely";
import { AssistantError } from "../src/runtime/errors.js";

/**
 * Kysely builds, freezes and compiles a query's tree on every call, which
 * costs more than running the small queries made on every chat event. A
 * template is built once with placeholder values and compiled by the dialect
 * (so its SQL and placeholders stay right for SQLite and PostgreSQL alike);
 * each call then supplies the real parameters, in the order they appear in
 * the SQL — every value of the template is a parameter, literals included.
 */
export function queryTemplate<Row>(query: Compilable<Row>, parameterCount: number) {
  const compiled = query.compile();
  if (compiled.parameters.length !== parameterCount) {
    throw new AssistantError(
      "query_template",
      `query template expects ${parameterCount} parameters, its SQL has ${compiled.parameters.length}: ${compiled.sql}`,
    );
  }
  return (...parameters: unknown[]): CompiledQuery<Row> => {
    if (parameters.length !== parameterCount)
      throw new AssistantError("query_template", `query template called with ${parameters.length} of ${parameterCount} parameters`);
    return { ...compiled, parameters };
  };
}

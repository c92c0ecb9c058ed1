import { existsSync } from "node:fs";
import { type Config, readConfig } from "./config.js";
import { ConfigError } from "./errors.js";

/** Reads `.env` when present (real environment variables win), then the configuration; exits 2 naming the bad variable. */
export function loadConfigOrExit(): Readonly<Config> {
  if (existsSync(".env")) process.loadEnvFile(".env");
  try {
    return readConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`configuration error: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
}

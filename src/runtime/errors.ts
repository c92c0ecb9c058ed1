/**
 * Errors with a stable `code` an operator can search for, and the context
 * that caused them (never personal data).
 */
export class AssistantError extends Error {
  constructor(
    readonly code: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Invalid configuration: names the variable so the fix is obvious. */
export class ConfigError extends AssistantError {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super("config_invalid", `${variable}: ${message}`);
  }
}

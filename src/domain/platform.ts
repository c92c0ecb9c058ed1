/** The chat platforms the assistant talks on. */
export type Platform = "console" | "telegram" | "slack";
export const PLATFORMS: readonly Platform[] = ["console", "telegram", "slack"];

/** The organisation an event came from, where the platform has one (a Slack team, within an Enterprise Grid). */
export interface Workspace {
  teamId: string;
  enterpriseId?: string;
}

/** A chat on a platform: where a reply goes when it is not the chat the event came from. */
export interface ChatAddress {
  platform: Platform;
  chatId: string;
}

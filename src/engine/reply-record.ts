import type { Reply } from "../chat/reply.js";

/**
 * Replies as stored with their event until the platform accepted them: JSON,
 * with a file's bytes (a data export) as base64 rather than Buffer's array of numbers.
 */
export function serializeReplies(replies: readonly Reply[]): string {
  return JSON.stringify(replies, (_key, value: unknown) =>
    isSerializedBuffer(value) ? { $base64: Buffer.from(value.data).toString("base64") } : value,
  );
}

export function deserializeReplies(text: string): Reply[] {
  return JSON.parse(text, (_key, value: unknown) =>
    value !== null && typeof value === "object" && "$base64" in value ? Buffer.from(String(value.$base64), "base64") : value,
  ) as Reply[];
}

/** The replies still to send when the first `sent` of those for the event's own chat were accepted (replies for elsewhere all go again). */
export function unsentReplies(replies: readonly Reply[], sent: number): Reply[] {
  let skipped = 0;
  return replies.filter((reply) => reply.to !== undefined || skipped++ >= sent);
}

/** What `Buffer.prototype.toJSON` makes of a Buffer before a replacer sees it. */
function isSerializedBuffer(value: unknown): value is { type: "Buffer"; data: number[] } {
  return (
    value !== null &&
    typeof value === "object" &&
    (value as { type?: unknown }).type === "Buffer" &&
    Array.isArray((value as { data?: unknown }).data)
  );
}

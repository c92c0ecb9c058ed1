export { maskPhone } from "./phone.js";

/**
 * Masks for showing personal data back to users and reviewers. What is kept
 * is enough for the owner to recognise the value, never enough to reuse it.
 */

/** "110105194912310021" → "110105********0021" (region code and last four kept). */
export function maskIdNumber(id: string): string {
  if (id.length <= 10) return "*".repeat(id.length);
  return id.slice(0, 6) + "*".repeat(id.length - 10) + id.slice(-4);
}

/** "zhangsan@example.com" → "z***n@example.com". */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at < 1) return "***";
  const local = email.slice(0, at);
  const shown = local.length <= 2 ? local[0]! : `${local[0]!}***${local.at(-1)!}`;
  return (local.length <= 2 ? `${shown}***` : shown) + email.slice(at);
}

/** "Zhang San" → "Z*** S**", "张三丰" → "张**": enough for a reviewer log line, never the name. */
export function maskName(name: string): string {
  return name
    .split(" ")
    .map((part) => {
      const chars = [...part];
      return chars.length === 0 ? "" : chars[0] + "*".repeat(chars.length - 1);
    })
    .join(" ");
}

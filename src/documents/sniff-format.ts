import type { DocumentFormat } from "../domain/application.js";

/** JPEG and PNG recognised by their first bytes, never by file name or declared type. */
export function sniffFormat(bytes: Buffer): DocumentFormat | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "jpeg";
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length >= 8 && png.every((b, i) => bytes[i] === b)) return "png";
  return null;
}

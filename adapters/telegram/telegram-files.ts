import { open } from "node:fs/promises";
import type { Api } from "grammy";
import { AssistantError } from "../../src/runtime/errors.js";
import { FileTooLargeError, readAtMost } from "../http/read-at-most.js";

/** Telegram's Bot API lets bots download at most 20 MB; a self-hosted server (`--local`) lifts it. */
export const BOT_API_DOWNLOAD_LIMIT = 20 * 1024 * 1024;

/**
 * Downloads a file the user sent, reading at most `limit` bytes: a file
 * whose real size exceeds what Telegram declared is cut off, not buffered.
 */
export async function downloadFile(api: Api, fileUrl: (path: string) => string, fileId: string, limit: number): Promise<Buffer> {
  const file = await api.getFile(fileId);
  if (file.file_size !== undefined && file.file_size > limit) throw new FileTooLargeError(file.file_size);
  if (!file.file_path) throw new AssistantError("download_failed", "Telegram returned no file path");
  // A self-hosted Bot API server in --local mode answers with a path on its own disk.
  if (file.file_path.startsWith("/")) return readLocalFile(file.file_path, limit);
  const response = await fetch(fileUrl(file.file_path), { signal: AbortSignal.timeout(60_000) });
  if (!response.ok || !response.body) throw new AssistantError("download_failed", `file download failed: HTTP ${response.status}`);
  return readAtMost(response.body, limit);
}

async function readLocalFile(path: string, limit: number): Promise<Buffer> {
  const handle = await open(path, "r");
  try {
    const { size } = await handle.stat();
    if (size > limit) throw new FileTooLargeError(size);
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

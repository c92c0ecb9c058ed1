import type { webApi } from "@slack/bolt";
import { AssistantError } from "../../src/runtime/errors.js";
import { FileTooLargeError, readAtMost } from "../http/read-at-most.js";

/** Slack would not give us the file: the token lacks access (no files:read, or not shared with the app). */
export class FileAccessError extends AssistantError {
  constructor(message: string) {
    super("file_no_access", message);
  }
}

/**
 * Downloads a file shared in a DM: `files.info` for its private download URL,
 * then GET with the bot token. Slack answers a token without access with its
 * HTML sign-in page and status 200, so an HTML answer is an access problem,
 * never an image.
 */
export async function downloadSlackFile(client: webApi.WebClient, token: string, fileId: string, limit: number): Promise<Buffer> {
  const { file } = await client.files.info({ file: fileId });
  if (file?.size !== undefined && file.size > limit) throw new FileTooLargeError(file.size);
  const url = file?.url_private_download ?? file?.url_private;
  if (!url) throw new FileAccessError("Slack gave no download URL");
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(60_000) });
  if (response.status === 401 || response.status === 403 || (response.headers.get("content-type") ?? "").includes("text/html")) {
    await response.body?.cancel();
    throw new FileAccessError(`download refused (HTTP ${response.status}, ${response.headers.get("content-type") ?? "no content type"})`);
  }
  if (!response.ok || !response.body) throw new AssistantError("download_failed", `file download failed: HTTP ${response.status}`);
  return readAtMost(response.body, limit);
}

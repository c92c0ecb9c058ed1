import { AssistantError } from "../../src/runtime/errors.js";
/** A file larger than the limit, by its declared or its real size. */
export class FileTooLargeError extends AssistantError {
  constructor(readonly bytes: number) {
    super("file_too_large", `file of ${bytes} bytes is over the limit`);
  }
}

/** Reads a download to the end, or stops as soon as it passes `limit` bytes (whatever size was declared). */
export async function readAtMost(body: ReadableStream<Uint8Array>, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let received = 0;
  for await (const chunk of body) {
    received += chunk.length;
    // Leaving the loop by throwing cancels the download.
    if (received > limit) throw new FileTooLargeError(received);
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}

import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { apiFaults } from "./api-faults.js";
import { postUpdate } from "./telegram-updates.js";

/** One Bot API call the bot made: the method and its parameters (multipart uploads: their text fields, and the files). */
export interface ApiCall {
  method: string;
  payload: Record<string, any>;
  /** Uploaded files of a multipart call: the part's file name and bytes. */
  files?: Array<{ filename: string; bytes: Buffer }>;
  /** Made by the bot's answer to a webhook post, not by a call of its own. */
  inAnswer?: true;
}

interface ApiFailure {
  error_code: number;
  description: string;
  parameters?: { retry_after?: number };
}

export const BOT_INFO = {
  id: 4242,
  is_bot: true as const,
  first_name: "Verify",
  username: "verify_test_bot",
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_bots: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
  can_connect_to_business: false,
  supports_join_request_queries: false,
};

/**
 * Telegram's Bot API server as far as our bot uses it, over real HTTP: it
 * records every call and answers like Telegram (message ids, file paths),
 * serves uploaded files, and can be told to fail a method (429, 400 …).
 */
export async function startFakeTelegramApi() {
  const calls: ApiCall[] = [];
  const files = new Map<string, { bytes: Buffer; declaredSize?: number; delayMs?: number }>();
  const failures = new Map<string, ApiFailure[]>();
  let nextMessageId = 100;
  const stalls = new Map<string, number[]>();
  /** Faults on every call but getMe (`faults.rate`, `faults.stallMs`). */
  const faults = apiFaults();

  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    const file = /^\/file\/bot[^/]+\/(.+)$/.exec(url.pathname);
    if (file) {
      const stored = files.get(decodeURIComponent(file[1]!));
      if (stored?.delayMs) await new Promise((resolve) => setTimeout(resolve, stored.delayMs));
      response.writeHead(stored ? 200 : 404).end(stored?.bytes);
      return;
    }
    const method = /^\/bot[^/]+\/(\w+)$/.exec(url.pathname)?.[1] ?? "";
    const { files: uploaded, ...payload } = await readPayload(request);
    // A button's answer names its press, not the chat.
    const fault = method === "getMe" ? null : await faults.inject(request, payload.chat_id ?? payload.callback_query_id);
    if (fault === "reset") return;
    if (fault) {
      const failure =
        fault === "tooManyRequests"
          ? { error_code: 429, description: "Too Many Requests: retry after 1", parameters: { retry_after: 1 } }
          : { error_code: 500, description: "Internal Server Error" };
      response.writeHead(failure.error_code, { "content-type": "application/json" }).end(JSON.stringify({ ok: false, ...failure }));
      return;
    }
    calls.push({ method, payload, ...(uploaded ? { files: uploaded } : {}) });
    const stall = stalls.get(method)?.shift();
    if (stall) await new Promise((resolve) => setTimeout(resolve, stall));
    const failure = failures.get(method)?.shift();
    const body = failure ? { ok: false, ...failure } : { ok: true, result: result(method, payload) };
    response.writeHead(failure ? failure.error_code : 200, { "content-type": "application/json" }).end(JSON.stringify(body));
  });

  function message(payload: Record<string, any>) {
    return {
      message_id: nextMessageId++,
      date: Math.floor(Date.now() / 1000),
      chat: { id: Number(payload.chat_id), type: "private" },
      text: payload.text,
    };
  }

  function result(method: string, payload: Record<string, any>): unknown {
    switch (method) {
      case "getMe":
        return BOT_INFO;
      case "sendMessage":
      case "sendPhoto":
      case "sendDocument":
        return message(payload);
      case "sendMediaGroup":
        return (JSON.parse(payload.media ?? "[]") as unknown[]).map(() => message(payload));
      case "editMessageText":
      case "editMessageReplyMarkup":
        return { ...message(payload), message_id: Number(payload.message_id) };
      case "getFile": {
        const stored = files.get(payload.file_id);
        return {
          file_id: payload.file_id,
          file_unique_id: payload.file_id,
          file_size: stored?.declaredSize ?? stored?.bytes.length,
          file_path: payload.file_id,
        };
      }
      default:
        return true;
    }
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const apiRoot = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    apiRoot,
    calls,
    faults,
    /**
     * Posts an update to the bot's webhook as Telegram does, and — answered 200 — carries out the method the
     * answer holds, if any (a webhook's answer may be one Bot API call; Telegram reports nothing back).
     * Returns the answer's status.
     */
    async deliver(webhookUrl: string, secret: string, update: object | string, signal?: AbortSignal): Promise<number> {
      const response = await postUpdate(webhookUrl, secret, update, signal);
      const answer = await response.text();
      if (response.status === 200 && answer.trim() !== "") {
        const { method, ...payload } = JSON.parse(answer) as { method: string } & Record<string, any>;
        calls.push({ method, payload, inAnswer: true });
      }
      return response.status;
    },
    /** A file the bot can download by this id (getFile reports `declaredSize` when given; `delayMs`: a slow download). */
    addFile(fileId: string, bytes: Buffer, options: { declaredSize?: number; delayMs?: number } = {}) {
      files.set(fileId, { bytes, ...options });
    },
    /** The next call of `method` is answered only after `ms` (a slow Telegram). */
    stallNext(method: string, ms: number) {
      stalls.set(method, [...(stalls.get(method) ?? []), ms]);
    },
    /** The next calls of `method` fail like this, in order. */
    failNext(method: string, ...failure: ApiFailure[]) {
      failures.set(method, [...(failures.get(method) ?? []), ...failure]);
    },
    callsOf(method: string): ApiCall[] {
      return calls.filter((call) => call.method === method);
    },
    /** Texts sent to a chat, in order. */
    textsTo(chatId: number | string): string[] {
      return calls
        .filter((call) => call.method === "sendMessage" && String(call.payload.chat_id) === String(chatId))
        .map((call) => call.payload.text as string);
    },
    clear() {
      calls.length = 0;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type FakeTelegramApi = Awaited<ReturnType<typeof startFakeTelegramApi>>;

async function readPayload(request: IncomingMessage): Promise<Record<string, any>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  const type = request.headers["content-type"] ?? "";
  if (type.includes("application/json")) return body.length ? JSON.parse(body.toString("utf8")) : {};
  if (type.includes("multipart/form-data")) {
    // Uploads: the text fields, and each file part's name and bytes (under `files`).
    const boundary = Buffer.from(`\r\n--${/boundary=("?)([^";]+)\1/.exec(type)?.[2] ?? ""}`);
    const fields: Record<string, any> = { multipart: true };
    const files: Array<{ filename: string; bytes: Buffer }> = [];
    // Each part: headers, a blank line, the content, up to the next boundary.
    for (let at = body.indexOf(boundary.subarray(2)); at >= 0; ) {
      const next = body.indexOf(boundary, at + 1);
      if (next < 0) break;
      const part = body.subarray(at, next);
      const headerEnd = part.indexOf("\r\n\r\n");
      const headers = part.subarray(0, headerEnd).toString("latin1");
      const content = part.subarray(headerEnd + 4);
      const name = /name="([^"]+)"/.exec(headers)?.[1];
      // grammY writes `filename=a.jpg`, unquoted.
      const filename = /filename="?([^";\r\n]*)"?/.exec(headers)?.[1];
      if (name && filename !== undefined) {
        fields[name] = "<file>";
        files.push({ filename, bytes: Buffer.from(content) });
      } else if (name) fields[name] = content.toString("utf8");
      at = next + 2;
    }
    if (files.length) fields.files = files;
    return fields;
  }
  return {};
}

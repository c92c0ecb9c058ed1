import { open } from "node:fs/promises";
import { basename } from "node:path";
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import type { ChatEvent, IncomingFile } from "../../src/chat/chat-event.js";
import type { Reply } from "../../src/chat/reply.js";
import type { Locale } from "../../src/i18n/locale.js";
import { msg, translate } from "../../src/i18n/message.js";
import { type PrintedButton, parseConsoleLine } from "./console-input.js";
import { renderReply } from "./console-render.js";

/** The part of the engine the console needs. */
export interface ChatHandler {
  handle(event: ChatEvent): Promise<Reply[]>;
  /** The replies of this event were shown (the engine forgets its copy kept for a redelivery). */
  repliesDelivered(event: ChatEvent): void;
  /** Messages that follow an event's replies later (a photo's read that took longer than its reply). */
  sendFollowUpsWith?(sender: (reply: Reply) => Promise<void>): void;
  followUpsSettled?(): Promise<void>;
}

export interface ConsoleChatOptions {
  input: Readable;
  output: Writable;
  handler: ChatHandler;
  /** Event ids must be unique across runs, since processed ids are remembered. */
  sessionId: string;
  firstUser?: string;
  /** Language of the few messages the console itself must show (when the engine fails). */
  locale: Locale;
  /** Where a stored document's file is, to print with review cards. */
  documentPath?: (id: string) => string;
  /** Writes a file made for a reader (their data export) and returns its path. */
  saveFile?: (reader: string, file: NonNullable<Reply["file"]>) => string;
  /** Prints each line read as `> <line>` before its replies (golden transcripts: what was typed, then what was shown). */
  echo?: boolean;
  /** Ends the chat early (SIGTERM, SIGINT): the line in hand finishes, then the chat resolves as at end of input. */
  signal?: AbortSignal;
  /** Scheduled work (reminders, overdue notices) whose messages are printed: run on start, then every `intervalMs`. */
  ticker?: { intervalMs: number; tick: () => Promise<Reply[]> };
  /** Work after each line whose messages are printed too (the outbox's dispatcher). */
  afterEachLine?: () => Promise<Reply[]>;
  /** Told of every message printed (a notification printed has been delivered). */
  onShown?: (reply: Reply) => unknown;
  /** Reports a failure handling one line; the chat goes on with the next. */
  onError: (error: unknown) => void;
}

/** Larger files are refused before reading: the console must not load a disk image into memory. */
const MAX_CONSOLE_FILE_BYTES = 64 * 1024 * 1024;

/**
 * The local chat: each stdin line is a message from the current user, handled
 * strictly in order. Resolves when input ends and every reply is printed.
 */
export async function runConsoleChat(options: ConsoleChatOptions): Promise<void> {
  const { output, handler, sessionId } = options;
  let user = options.firstUser ?? "alice";
  let lineNumber = 0;
  // Every button printed in this run keeps its number, so any of them can still be pressed.
  const buttons: PrintedButton[] = [];
  const print = (text: string) => output.write(`${text}\n`);
  const show = (replies: Reply[]) => {
    for (const reply of replies) {
      // Replies for other console users (reviewers, an applicant told of a decision) are printed too.
      const reader = reply.to?.platform === "console" ? reply.to.chatId : user;
      const firstButton = buttons.length + 1;
      for (const choice of reply.choices ?? []) buttons.push({ reader, choice: choice.id, label: translate(reply.locale, choice.label) });
      const savedFile = reply.file && options.saveFile?.(reader, reply.file);
      print(
        renderReply(reader, reply, {
          firstButton,
          ...(options.documentPath ? { documentPath: options.documentPath } : {}),
          ...(savedFile ? { savedFile } : {}),
        }),
      );
      void Promise.resolve(options.onShown?.(reply)).catch(options.onError);
    }
  };
  handler.sendFollowUpsWith?.(async (reply) => show([reply]));
  const { ticker } = options;
  const runTicker = () => ticker!.tick().then(show, options.onError);
  if (ticker) await runTicker();
  const timer = ticker ? setInterval(runTicker, ticker.intervalMs) : undefined;
  timer?.unref();

  const lines = createInterface({ input: options.input, crlfDelay: Infinity });
  options.signal?.addEventListener("abort", () => lines.close(), { once: true });
  for await (const line of lines) {
    lineNumber++;
    if (line.trim() === "") continue;
    if (options.echo) print(`> ${line}`);
    const parsed = parseConsoleLine(line, user, buttons);
    if (parsed.kind === "switchUser") {
      user = parsed.user;
      continue;
    }
    if (parsed.kind === "usage") {
      print(parsed.message);
      continue;
    }
    const base = { id: `${sessionId}-${lineNumber}`, platform: "console" as const, chatId: user, userId: user, displayName: user };
    const event: ChatEvent =
      parsed.kind === "press"
        ? { ...base, kind: "choice", choice: parsed.choice }
        : parsed.kind === "file"
          ? { ...base, kind: "file", file: await readConsoleFile(parsed.path) }
          : { ...base, kind: "text", text: parsed.text };
    try {
      show(await handler.handle(event));
      handler.repliesDelivered(event);
      if (options.afterEachLine) show(await options.afterEachLine());
    } catch (error) {
      options.onError(error);
      print(renderReply(user, { locale: options.locale, body: [msg("error.internal")] }, { firstButton: buttons.length + 1 }));
    }
  }
  await handler.followUpsSettled?.();
  clearInterval(timer);
}

async function readConsoleFile(path: string): Promise<IncomingFile> {
  const name = basename(path);
  try {
    const file = await open(path, "r");
    try {
      const info = await file.stat();
      if (!info.isFile() || info.size > MAX_CONSOLE_FILE_BYTES) return { name, problem: { code: "unreadable" } };
      return { name, bytes: await file.readFile() };
    } finally {
      await file.close();
    }
  } catch (error) {
    return { name, problem: { code: (error as NodeJS.ErrnoException).code === "ENOENT" ? "missing" : "unreadable" } };
  }
}

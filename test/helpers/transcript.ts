import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough, Writable } from "node:stream";
import pino from "pino";
import { runConsoleChat } from "../../adapters/console/console-chat.js";
import { renderSms } from "../../adapters/console/console-render.js";
import type { Reply } from "../../src/chat/reply.js";
import { maskPhone } from "../../src/domain/masking.js";
import { newReferenceCode } from "../../src/domain/reference-code.js";
import type { Locale } from "../../src/i18n/locale.js";
import { Dispatcher } from "../../src/notifications/dispatcher.js";
import { consoleReviewers } from "../../src/review/reviewers.js";
import { createHarness } from "./harness.js";
import { minimalGoodJpeg } from "./hostile-files.js";

/**
 * A golden transcript: a whole console conversation as plain text. Lines starting `> ` are what was
 * typed (console input: text, button numbers, `/as`, `/file front.jpg`); every other line is what the
 * console printed. Header lines starting `#` describe it; `# reviewers: a, b` names the console
 * reviewers (default `reviewer`). The file's name ends in its default language: `.en.txt`, `.zh-CN.txt`.
 */
export interface Transcript {
  header: string[];
  inputs: string[];
}

export function parseTranscript(text: string): Transcript {
  const lines = text.split("\n");
  const header = lines.filter((line, index) => line.startsWith("#") && lines.slice(0, index).every((l) => l.startsWith("#")));
  const inputs = lines.filter((line) => line.startsWith("> ")).map((line) => line.slice(2));
  return { header, inputs };
}

/** Photos a transcript sends by name (`/file front.jpg`): small, sharp, colour JPEGs. */
const PHOTOS = {
  "front.jpg": 1,
  "back.jpg": 2,
  "licence.jpg": 3,
  "front-again.jpg": 4,
  "back-again.jpg": 5,
  "rep-front.jpg": 60,
  "rep-back.jpg": 90,
} as const;

/**
 * Replays a transcript's inputs through the console chat over a real engine and SQLite store, as
 * `npm start` runs it (development SMS printed, notifications delivered after each line), on a
 * clock that starts on Mon 23 Nov 2026, 10:00 in Shanghai and moves a minute per message, with seeded references and one-time codes, so
 * that the same inputs always print the same text. Returns the whole transcript text.
 */
export async function replayTranscript(transcript: Transcript, locale: Locale): Promise<string> {
  const photos = mkdtempSync(join(tmpdir(), "transcript-photos-"));
  for (const [name, shade] of Object.entries(PHOTOS)) writeFileSync(join(photos, name), await minimalGoodJpeg(shade));
  let output = "";
  const print = (text: string) => {
    output += `${text}\n`;
  };
  const reviewerIds = transcript.header
    .find((line) => line.startsWith("# reviewers:"))
    ?.slice("# reviewers:".length)
    .split(",")
    .map((id) => id.trim()) ?? ["reviewer"];
  const seeded = seededPick(20261123);
  const codes = seededPick(7);
  const harness = await createHarness({
    defaultLocale: locale,
    reviewers: consoleReviewers(reviewerIds),
    notifyChannels: ["chat", "sms"],
    newReference: () => newReferenceCode(seeded),
    newCode: () => String(codes(1_000_000)).padStart(6, "0"),
    onSms: (phone, text) => print(renderSms(maskPhone(phone), text)),
  });
  try {
    const outbox = harness.store.outbox();
    const dispatched: Reply[] = [];
    const dispatcher = new Dispatcher({
      outbox,
      chat: async (reply) => void dispatched.push(reply),
      sms: { send: async (phone, text) => print(renderSms(maskPhone(phone), text)) },
      logger: pino({ level: "silent" }),
    });
    const input = new PassThrough();
    input.end(transcript.inputs.map((line) => `${line.replace(/^\/file (\S+)$/, (_, name) => `/file ${join(photos, name)}`)}\n`).join(""));
    const errors: unknown[] = [];
    await runConsoleChat({
      input,
      output: new Writable({ write: (chunk, _encoding, done) => done(void print(String(chunk).replace(/\n$/, ""))) }),
      // A minute passes with every message, as in a real conversation (and times on cards read so).
      handler: {
        handle: (event) => {
          harness.setNow(new Date(harness.now().getTime() + 60_000));
          return harness.engine.handle(event);
        },
        repliesDelivered: (event) => harness.engine.repliesDelivered(event),
      },
      sessionId: "transcript",
      locale,
      echo: true,
      documentPath: () => "(opened copy)",
      saveFile: (reader, file) => `data/exports/${reader}-${file.name}`,
      afterEachLine: async () => {
        await dispatcher.runOnce();
        return dispatched.splice(0);
      },
      onShown: (reply) => (reply.notificationId ? outbox.markSent(reply.notificationId, "chat") : undefined),
      onError: (error) => errors.push(error),
    });
    if (errors.length > 0) throw errors[0];
    const lines = [...transcript.header, ...output.replaceAll(`${photos}/`, "").trimEnd().split("\n")];
    return `${lines.join("\n")}\n`;
  } finally {
    await harness.close();
    rmSync(photos, { recursive: true, force: true });
  }
}

/** A small deterministic generator (mulberry32) picking integers below `max`. */
function seededPick(seed: number): (max: number) => number {
  let state = seed >>> 0;
  return (max) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * max);
  };
}

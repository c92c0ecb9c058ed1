import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { SlackCall } from "../helpers/fake-slack-api.js";
import type { ApiCall } from "../helpers/fake-telegram-api.js";
import { submitWithPhone } from "../helpers/harness.js";
import { goodJpeg } from "../helpers/hostile-files.js";
import { createSlackHarness, REVIEW_CHANNEL, SLACK_REVIEWER } from "../helpers/slack-harness.js";
import { checkStore } from "../helpers/store-invariants.js";
import { createTelegramHarness, REVIEW_CHAT, REVIEWER } from "../helpers/telegram-harness.js";
import { messageUpdate, postUpdate, pressUpdate, textUpdate } from "../helpers/telegram-updates.js";

/**
 * Generated hostile traffic through the adapters' HTTP entry points — the Telegram webhook and
 * Slack's request URL, on the real web server — rather than into the engine: odd and forged
 * updates, any Unicode, long texts, control characters, forged button ids and review ids, files of
 * every kind, update kinds the bot does not read, envelopes without the fields one expects, and
 * bodies that are not updates at all. After every request: it was answered (a well-formed one with
 * 200: an update answered otherwise is redelivered, and a poison one would hold up the bot), the
 * server still serves, every call the adapter made to the platform is within that platform's limits,
 * and the store's invariants hold. At the end every user can still start over.
 */
const RUNS = Number(process.env.HOSTILE_RUNS ?? 12);
/** The references of the run's applications, for review buttons on real targets. */
let references: string[] = [];
const ANSWERS = ["Zhang San", "zhang.san@example.com", "13812348000", "11010519491231002X", "91350100M000100Y43"];
const COMMANDS = ["/start", "/status", "/help", "/back", "/cancel", "/lang", "/lang zh", "/privacy", "/queue", "/start@verify_test_bot x"];
const CHOICES = ["start", "method.id_card", "method.enterprise", "submit", "consent.agree", "edit", "privacy.erase", "withdraw"];
const REVIEW_VERBS = ["ok", "no", "nx", "nn", "cx", "in", "ig", "op", "cl", "rl", "tn", "zz"];

const anyText = fc.oneof(
  fc.constantFrom(...ANSWERS, ...COMMANDS),
  fc.string({ unit: "binary", maxLength: 80 }),
  fc.string({ unit: "grapheme", minLength: 3000, maxLength: 5000 }),
  fc.string({ unit: fc.integer({ min: 0, max: 31 }).map((c) => String.fromCharCode(c)), maxLength: 20 }),
);
/** A button id: a real one, a review button on a real or made-up reference, or anything at all. */
const anyButton = (references: () => string[]) =>
  fc.oneof(
    fc.constantFrom(...CHOICES),
    fc
      .tuple(fc.constantFrom(...REVIEW_VERBS), fc.nat(), fc.option(fc.integer({ min: -3, max: 2 ** 21 }), { nil: undefined }))
      .map(([verb, pick, mask]) => {
        const known = references();
        const target = known.length > 0 ? known[pick % known.length] : "ZZZZ-ZZZZ";
        return `rv.${verb}.${target}${mask === undefined ? "" : `.${mask}`}`;
      }),
    fc.string({ maxLength: 100 }),
  );

const telegramUsers = [11, 12, REVIEWER];
type TelegramStep =
  | { kind: "update"; from: number; inReviewChat: boolean; body: Record<string, unknown> }
  | { kind: "button"; from: number; inReviewChat: boolean; data: string }
  | { kind: "raw"; body: string };

const telegramStep = (references: () => string[]): fc.Arbitrary<TelegramStep> => {
  const who = fc.record({ from: fc.constantFrom(...telegramUsers), inReviewChat: fc.boolean() });
  const content = fc.oneof(
    { weight: 4, arbitrary: anyText.map((text) => ({ text })) },
    {
      weight: 2,
      arbitrary: fc.record({
        photo: fc
          .tuple(fc.constantFrom("good", "junk", "missing"), fc.option(fc.nat({ max: 2 ** 31 }), { nil: undefined }))
          .map(([file, size]) => [
            { file_id: file, file_unique_id: file, width: 1200, height: 800, ...(size === undefined ? {} : { file_size: size }) },
          ]),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        document: fc.record({
          file_id: fc.constantFrom("good", "junk", "missing"),
          file_unique_id: fc.constant("d"),
          file_name: fc.oneof(fc.constant("../../etc/passwd"), fc.string({ maxLength: 300 })),
          mime_type: fc.oneof(fc.constantFrom("image/jpeg", "application/pdf", "text/html"), fc.string({ maxLength: 40 })),
        }),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        contact: fc.record({
          phone_number: fc.oneof(fc.constant("+8613812348000"), fc.string({ maxLength: 30 })),
          first_name: fc.string({ maxLength: 10 }),
          user_id: fc.option(fc.constantFrom(...telegramUsers, 99), { nil: undefined }),
        }),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        { sticker: { file_id: "s", file_unique_id: "s", type: "regular" } },
        { location: { latitude: 0, longitude: 0 } },
        {},
      ),
    },
  );
  return fc.oneof(
    { weight: 6, arbitrary: fc.tuple(who, content).map(([w, body]): TelegramStep => ({ kind: "update", ...w, body })) },
    { weight: 4, arbitrary: fc.tuple(who, anyButton(references)).map(([w, data]): TelegramStep => ({ kind: "button", ...w, data })) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(
          "not json",
          "null",
          "[]",
          '{"update_id": "x"}',
          '{"update_id": 1, "message": null}',
          '{"update_id": 2, "callback_query": {"id": "q"}}',
          '{"update_id": 3, "edited_message": {"message_id": 1, "date": 1, "chat": {"id": 11, "type": "private"}, "text": "hi"}}',
          '{"update_id": 4, "message": {"message_id": 1, "date": 1, "chat": {"id": -1001, "type": "channel"}, "text": "no sender"}}',
          `{"update_id": 5, "message": ${"[".repeat(5000)}${"]".repeat(5000)}}`,
        )
        .map((body): TelegramStep => ({ kind: "raw", body })),
    },
  );
};

/** Telegram's limits on what a bot sends (Bot API: messages, captions, button data, alerts). */
function checkTelegramCall(call: ApiCall): void {
  const { method, payload } = call;
  if (typeof payload.text === "string") {
    expect(payload.text.length, `${method} text`).toBeLessThanOrEqual(method === "answerCallbackQuery" ? 200 : 4096);
    if (method !== "answerCallbackQuery") expect(payload.text.trim(), `${method} text`).not.toBe("");
  }
  if (typeof payload.caption === "string") expect(payload.caption.length, `${method} caption`).toBeLessThanOrEqual(1024);
  const markup = typeof payload.reply_markup === "string" ? JSON.parse(payload.reply_markup) : payload.reply_markup;
  const buttons: Array<{ text: string; callback_data?: string }> = (markup?.inline_keyboard ?? []).flat();
  expect(buttons.length, `${method} buttons`).toBeLessThanOrEqual(100);
  for (const button of buttons) {
    expect(button.text.trim(), "button label").not.toBe("");
    if (button.callback_data !== undefined) {
      expect(Buffer.byteLength(button.callback_data), "callback_data").toBeGreaterThan(0);
      expect(Buffer.byteLength(button.callback_data), "callback_data").toBeLessThanOrEqual(64);
    }
  }
}

interface SlackBlock {
  type: string;
  text?: { text: string };
  elements?: Array<{ text: { text: string }; value?: string; action_id: string }>;
}

/** Slack's limits (Block Kit and chat.postMessage): blocks per message, text per section, buttons and their values. */
function checkSlackCall(call: SlackCall): void {
  const { method, args } = call;
  if (typeof args.text === "string") expect(args.text.length, `${method} text`).toBeLessThanOrEqual(40_000);
  const blocks: SlackBlock[] = args.blocks ?? args.view?.blocks ?? [];
  expect(blocks.length, `${method} blocks`).toBeLessThanOrEqual(args.view ? 100 : 50);
  if (args.view?.title) expect(args.view.title.text.length, "modal title").toBeLessThanOrEqual(24);
  for (const block of blocks) {
    if (block.type === "section" && block.text) expect(block.text.text.length, "section text").toBeLessThanOrEqual(3000);
    if (block.type === "header") expect(block.text!.text.length, "header text").toBeLessThanOrEqual(150);
    if (block.type === "actions") {
      expect(block.elements!.length, "actions per block").toBeLessThanOrEqual(25);
      for (const element of block.elements!) {
        expect(element.text.text.length, "button text").toBeLessThanOrEqual(75);
        expect(element.text.text.trim(), "button text").not.toBe("");
        if (element.value !== undefined) expect(element.value.length, "button value").toBeLessThanOrEqual(2000);
        expect(element.action_id.length, "action_id").toBeLessThanOrEqual(255);
      }
    }
  }
}

let photo: Buffer;
beforeAll(async () => {
  photo = await goodJpeg();
});

describe("generated hostile requests to the Telegram webhook", () => {
  const SECRET = "hostile-secret";

  it("each answered 200 (or refused, if not an update at all), the server serving, every Bot API call within Telegram's limits, the store's invariants holding", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          telegramStep(() => references),
          { minLength: 5, maxLength: 20 },
        ),
        async (steps) => {
          const t = await createTelegramHarness();
          try {
            t.api.addFile("good", photo);
            t.api.addFile("junk", Buffer.from("GIF89a\u0000junk"));
            references = [await submitWithPhone(t.harness, "applicant")];
            const base = await t.serveWebhook(SECRET);
            let updateId = 1000;
            const post = (body: string) => postUpdate(`${base}/telegram`, SECRET, body).then((response) => response.status);
            for (const step of steps) {
              const before = t.api.calls.length;
              if (step.kind === "raw") {
                expect(await post(step.body)).toBeLessThan(600);
              } else {
                const chatId = step.inReviewChat ? REVIEW_CHAT : step.from;
                const update =
                  step.kind === "update"
                    ? messageUpdate(step.from, step.body, { chatId, messageId: updateId })
                    : pressUpdate(step.from, step.data, { chatId, id: `cb${updateId}` });
                expect(await post(JSON.stringify({ update_id: updateId++, ...update })), JSON.stringify(step).slice(0, 200)).toBe(200);
              }
              expect((await fetch(`${base}/healthz`)).status).toBe(200);
              for (const call of t.api.calls.slice(before)) checkTelegramCall(call);
              await checkStore(t.harness);
            }
            for (const user of [11, 12]) {
              const before = t.api.textsTo(user).length;
              const update = textUpdate(user, "/start", { messageId: updateId });
              expect(await post(JSON.stringify({ update_id: updateId++, ...update }))).toBe(200);
              expect(t.api.textsTo(user).length, `user ${user} can start over`).toBeGreaterThan(before);
            }
          } finally {
            await t.close();
          }
        },
      ),
      { numRuns: RUNS },
    );
  }, 180_000);
});

const channel = (user: string, inReviewChannel: boolean) => (inReviewChannel ? REVIEW_CHANNEL : `D${user}`);

type SlackStep =
  | { kind: "dm"; user: string; text: string }
  | { kind: "file"; user: string; file: "good" | "junk" | "missing" }
  | { kind: "command"; user: string; text: string; inReviewChannel: boolean }
  | { kind: "press"; user: string; value: string; inReviewChannel: boolean }
  | { kind: "form"; user: string; form: string; selected: number[]; note: string }
  | { kind: "home"; user: string }
  | { kind: "event"; body: Record<string, unknown> }
  | { kind: "raw"; body: string; contentType: string }
  | { kind: "unsigned"; body: string };

const slackUsers = ["UALICE", "UBOB", SLACK_REVIEWER];
const slackStep = (refs: () => string[]): fc.Arbitrary<SlackStep> => {
  const user = fc.constantFrom(...slackUsers);
  return fc.oneof(
    { weight: 4, arbitrary: fc.record({ kind: fc.constant("dm" as const), user, text: anyText }) },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant("file" as const),
        user,
        file: fc.constantFrom("good" as const, "junk" as const, "missing" as const),
      }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("command" as const), user, text: anyText, inReviewChannel: fc.boolean() }) },
    {
      weight: 4,
      arbitrary: fc.record({ kind: fc.constant("press" as const), user, value: anyButton(refs), inReviewChannel: fc.boolean() }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant("form" as const),
        user,
        form: anyButton(refs),
        selected: fc.array(fc.integer({ min: -2, max: 40 }), { maxLength: 5 }),
        note: fc.string({ maxLength: 4000 }),
      }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("home" as const), user }) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(
          { type: "message", subtype: "message_changed", channel: "DUALICE", channel_type: "im", message: { text: "edited" } },
          { type: "message", subtype: "bot_message", channel: "DUALICE", channel_type: "im", text: "a bot" },
          { type: "message", channel: "C0OTHER", channel_type: "channel", user: "UALICE", text: "in a channel" },
          { type: "message", channel_type: "im", text: "no user, no channel" },
          { type: "app_mention", user: "UALICE", channel: "C0OTHER", text: "<@UBOT> hi" },
          { type: "reaction_added", user: "UALICE", reaction: "+1" },
        )
        .map((body) => ({ kind: "event" as const, body })),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        { kind: "raw" as const, body: "not json", contentType: "application/json" },
        { kind: "raw" as const, body: "payload=not%20json", contentType: "application/x-www-form-urlencoded" },
        { kind: "raw" as const, body: '{"type":"url_verification","challenge":"c"}', contentType: "application/json" },
        { kind: "raw" as const, body: '{"type":"event_callback","event":null}', contentType: "application/json" },
        { kind: "unsigned" as const, body: '{"type":"event_callback"}' },
      ),
    },
  );
};

describe("generated hostile requests to Slack's request URL", () => {
  it("each acknowledged (or refused when unsigned), the server serving, every Web API call within Slack's limits, the store's invariants holding", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          slackStep(() => references),
          { minLength: 5, maxLength: 20 },
        ),
        async (steps) => {
          const slack = await createSlackHarness();
          try {
            slack.api.addFile("good", photo);
            slack.api.addFile("junk", Buffer.from("GIF89a\u0000junk"), "image/gif");
            references = [await submitWithPhone(slack.harness, "applicant")];
            for (const step of steps) {
              const before = slack.api.calls.length;
              const answer = await send(step);
              if (step.kind === "unsigned") expect(answer.status).toBe(401);
              else if (step.kind === "raw")
                expect(answer.status).toBeGreaterThanOrEqual(200); // signed, so only Slack could send it: any answer, as long as the server lives on
              else expect(answer.status, JSON.stringify(step).slice(0, 200)).toBe(200);
              await quiet(slack.api.calls);
              for (const call of slack.api.calls.slice(before)) checkSlackCall(call);
              await checkStore(slack.harness);
            }
            for (const user of ["UALICE", "UBOB"]) {
              const before = slack.api.postedTo(user).length;
              expect((await slack.dm(user, "start")).status).toBe(200);
              await quiet(slack.api.calls);
              expect(slack.api.postedTo(user).length, `${user} can start over`).toBeGreaterThan(before);
            }
          } finally {
            await slack.close();
          }

          function send(step: SlackStep) {
            switch (step.kind) {
              case "dm":
                return slack.dm(step.user, step.text);
              case "file":
                return slack.shareFile(step.user, step.file);
              case "command":
                return slack.command(step.user, step.text, channel(step.user, step.inReviewChannel));
              case "press":
                return slack.press(step.user, step.value, { channel: channel(step.user, step.inReviewChannel) });
              case "form":
                return slack.submitForm(step.user, step.form, step.selected, step.note);
              case "home":
                return slack.homeOpened(step.user);
              case "event":
                return slack.event(step.body);
              case "raw":
                return slack.signedPost(step.body, step.contentType);
              case "unsigned":
                return slack.signedPost(step.body, "application/json", { secret: "not-the-signing-secret" });
            }
          }
        },
      ),
      { numRuns: RUNS },
    );
  }, 180_000);
});

/** Slack's adapter works on after its acknowledgement: waits until it has made no call for 50 ms. */
async function quiet(calls: unknown[]): Promise<void> {
  for (let seen = -1; seen !== calls.length; ) {
    seen = calls.length;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

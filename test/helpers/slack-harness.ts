import { createHmac } from "node:crypto";
import type { Server } from "node:http";
import { startWebServer } from "../../adapters/http/web-server.js";
import { createSlackApp } from "../../adapters/slack/slack-app.js";
import { findUserRecord } from "../../src/applications/user-records.js";
import { homeContent } from "../../src/chat/home.js";
import type { Outbound } from "../../src/chat/outbound.js";
import { type Reviewers, roomReviewers } from "../../src/review/reviewers.js";
import { adapterTestOptions } from "./adapter-test-options.js";
import { startFakeSlackApi } from "./fake-slack-api.js";
import { createHarness, type Harness } from "./harness.js";
import { until } from "./until.js";

export const SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
export const REVIEW_CHANNEL = "C0REVIEW";
export const SLACK_REVIEWER = "UREVIEWER";
export const TEAM = "T0TEAM";

/** The test review channel and its reviewer. */
export function slackReviewers(): Reviewers {
  return roomReviewers("slack", REVIEW_CHANNEL, [SLACK_REVIEWER]);
}

/**
 * The real Bolt app behind its real HTTP receiver, over a real engine and
 * SQLite file; requests are signed like Slack's, and the Web API points at a
 * fake Slack server that records calls. Pass `harness` and `reviewers` to
 * share an engine with another platform (cross-platform reviews).
 */
export async function createSlackHarness(
  shared?: { harness: Harness; reviewers: Reviewers; outbound: Outbound },
  /** `production`: the Web API client retries as it does in production (tests otherwise fail at once). */
  { clientRetries = "none" }: { clientRetries?: "none" | "production" } = {},
) {
  const api = await startFakeSlackApi();
  const reviewers = shared?.reviewers ?? slackReviewers();
  const harness = shared?.harness ?? (await createHarness({ reviewers }));
  const { httpHandler } = createSlackApp({
    ...adapterTestOptions(harness, reviewers, shared?.outbound),
    token: "xoxb-test-token",
    signingSecret: SIGNING_SECRET,
    apiUrl: api.apiUrl,
    ...(clientRetries === "none" ? { retries: 0 } : {}),
    homePage: async (userId) =>
      homeContent(await findUserRecord(harness.store, "slack", userId, "2026-11-23"), {
        timeZone: "Asia/Shanghai",
        supportContact: "support@example.com",
      }),
    reviewChannel: REVIEW_CHANNEL,
  });
  const { server, port } = await startWebServer(0, new Map([["/slack/events", httpHandler!]]));
  const url = `http://127.0.0.1:${port}/slack/events`;
  let counter = 0;

  /** Posts a body signed as Slack signs it (`v0=` HMAC-SHA256 of `v0:<timestamp>:<body>`). */
  async function signedPost(
    body: string,
    contentType: string,
    options: { timestamp?: number; secret?: string; headers?: Record<string, string> } = {},
  ) {
    return postSignedToSlackApp(url, body, contentType, options);
  }

  const event = (payload: object, eventId = `Ev${++counter}`, headers?: Record<string, string>) =>
    signedPost(
      JSON.stringify({
        token: "t",
        team_id: TEAM,
        api_app_id: "A1",
        type: "event_callback",
        event_id: eventId,
        event_time: 1,
        event: payload,
      }),
      "application/json",
      headers ? { headers } : {},
    );
  /** An interactivity payload (button, modal) from `user`, form-encoded as Slack sends it. */
  const interactive = (user: string, payload: object) =>
    signedPost(
      `payload=${encodeURIComponent(JSON.stringify({ user: { id: user, team_id: TEAM }, team: { id: TEAM }, api_app_id: "A1", token: "t", trigger_id: `trig${++counter}`, ...payload }))}`,
      "application/x-www-form-urlencoded",
    );

  const slack = {
    api,
    harness,
    signedPost,
    event,
    /** A direct message from a user to the app. */
    dm: (user: string, text: string, eventId?: string) =>
      event({ type: "message", channel: `D${user}`, channel_type: "im", user, text, ts: `${++counter}.0001` }, eventId),
    /** A file shared in the DM. */
    shareFile: (user: string, fileId: string) =>
      event({
        type: "message",
        subtype: "file_share",
        channel: `D${user}`,
        channel_type: "im",
        user,
        text: "",
        ts: `${++counter}.0001`,
        files: [{ id: fileId, name: "card.jpg" }],
      }),
    command: (user: string, text: string, channel = `D${user}`) =>
      signedPost(
        new URLSearchParams({
          token: "t",
          team_id: TEAM,
          command: "/verify",
          text,
          user_id: user,
          channel_id: channel,
          trigger_id: `trig${++counter}`,
          response_url: "http://127.0.0.1:9/r",
          api_app_id: "A1",
        }).toString(),
        "application/x-www-form-urlencoded",
      ),
    /** Presses a button whose value is `choice`, on a message in `channel` (a DM by default). */
    press: (user: string, choice: string, options: { channel?: string; ts?: string } = {}) =>
      interactive(user, {
        type: "block_actions",
        channel: { id: options.channel ?? `D${user}` },
        message: { ts: options.ts ?? "1.0001", type: "message" },
        container: { type: "message", message_ts: options.ts ?? "1.0001", channel_id: options.channel ?? `D${user}` },
        actions: [{ type: "button", action_id: "vc.0", block_id: "b", value: choice, action_ts: `${++counter}.1` }],
      }),
    /** Submits a review modal with the ticked option indexes and a note. */
    submitForm: (user: string, form: string, selected: number[], note = "") =>
      interactive(user, {
        type: "view_submission",
        view: {
          id: `V${++counter}`,
          type: "modal",
          callback_id: form,
          private_metadata: JSON.stringify({ channel: REVIEW_CHANNEL }),
          hash: "h",
          state: {
            values: {
              options: {
                value: {
                  type: "checkboxes",
                  selected_options: selected.map((index) => ({ value: String(index), text: { type: "plain_text", text: "x" } })),
                },
              },
              note: { value: { type: "plain_text_input", value: note } },
            },
          },
        },
      }),
    /** Does what `user` does, then waits until their DM shows a reply matching `reply`. */
    async actAndWait(user: string, action: () => Promise<unknown>, reply: RegExp): Promise<void> {
      const before = api.postedTo(user).length;
      await action();
      await until(
        () =>
          api
            .postedTo(user)
            .slice(before)
            .some((message) => reply.test(message.text)),
        `a reply matching ${reply}`,
      );
    },
    homeOpened: (user: string) => event({ type: "app_home_opened", user, channel: `D${user}`, tab: "home", event_ts: "1.1" }),
    /** Waits until the app has made at least `count` calls of `method` (its work continues after the ack). */
    async waitForCalls(method: string, count = 1, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      while (api.callsOf(method).length < count) {
        if (Date.now() > deadline)
          throw new Error(
            `expected ${count} ${method} calls, saw ${api.callsOf(method).length}: ${api.calls.map((call) => call.method).join(", ")}`,
          );
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return api.callsOf(method);
    },
    async close() {
      await new Promise((resolve) => (server as Server).close(resolve));
      if (!shared) await harness.close();
      await api.close();
    },
  };
  return slack;
}

export type SlackHarness = Awaited<ReturnType<typeof createSlackHarness>>;

// The app works on after acknowledging, so tests wait for its effects.
export { until };

/** Posts a body to a Slack app signed as Slack signs it (`v0=` HMAC-SHA256 of `v0:<timestamp>:<body>` with the signing secret). */
export async function postSignedToSlackApp(
  url: string,
  body: string,
  contentType: string,
  options: { timestamp?: number; secret?: string; headers?: Record<string, string> } = {},
) {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac("sha256", options.secret ?? SIGNING_SECRET)
    .update(`v0:${timestamp}:${body}`)
    .digest("hex")}`;
  const response = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": contentType,
      "x-slack-request-timestamp": String(timestamp),
      "x-slack-signature": signature,
      ...options.headers,
    },
    body,
  });
  return { status: response.status, body: await response.text() };
}

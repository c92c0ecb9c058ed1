import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type WebSocket, WebSocketServer } from "ws";
import { createSlackApp } from "../../adapters/slack/slack-app.js";
import { adapterTestOptions } from "../helpers/adapter-test-options.js";
import { type FakeSlackApi, startFakeSlackApi } from "../helpers/fake-slack-api.js";
import { createHarness, type Harness } from "../helpers/harness.js";
import { slackReviewers, TEAM, until } from "../helpers/slack-harness.js";

let api: FakeSlackApi;
let harness: Harness;
let socketServer: WebSocketServer;
let connection: WebSocket | undefined;
const fromApp: Array<Record<string, unknown>> = [];

beforeEach(async () => {
  api = await startFakeSlackApi();
  harness = await createHarness({ reviewers: slackReviewers() });
  fromApp.length = 0;
  // Slack's Socket Mode endpoint: says hello, then pushes envelopes the app must acknowledge.
  socketServer = new WebSocketServer({ port: 0, host: "127.0.0.1" });
  socketServer.on("connection", (socket) => {
    connection = socket;
    socket.on("message", (data) => fromApp.push(JSON.parse(String(data)) as Record<string, unknown>));
    socket.send(JSON.stringify({ type: "hello", num_connections: 1, connection_info: { app_id: "A1" }, debug_info: { host: "test" } }));
  });
  await new Promise((resolve) => socketServer.once("listening", resolve));
  api.setSocketUrl(`ws://127.0.0.1:${(socketServer.address() as AddressInfo).port}/link`);
});
afterEach(async () => {
  await new Promise((resolve) => socketServer.close(resolve));
  await harness.close();
  await api.close();
});

describe("Slack in Socket Mode (SLACK_APP_TOKEN)", () => {
  it("connects without a public URL, acknowledges each envelope and answers the DM", async () => {
    const { app, receiver } = createSlackApp({
      ...adapterTestOptions(harness, slackReviewers()),
      token: "xoxb-test-token",
      signingSecret: "unused-in-socket-mode",
      appToken: "xapp-1-A1-test",
      apiUrl: api.apiUrl,
      retries: 0,
      homePage: async () => ({ body: [], choices: [] }),
      reviewChannel: "C0REVIEW",
    });
    expect(receiver).toBeUndefined(); // no HTTP endpoint to mount
    await app.start();
    try {
      expect(api.callsOf("apps.connections.open")).toHaveLength(1);
      await until(() => connection !== undefined, "the WebSocket connection");
      connection!.send(
        JSON.stringify({
          envelope_id: "env-1",
          type: "events_api",
          accepts_response_payload: false,
          retry_attempt: 0,
          retry_reason: "",
          payload: {
            token: "t",
            team_id: TEAM,
            api_app_id: "A1",
            type: "event_callback",
            event_id: "EvSock1",
            event_time: 1,
            event: { type: "message", channel: "DU1", channel_type: "im", user: "U1", text: "hello", ts: "1.1" },
          },
        }),
      );
      await until(() => fromApp.some((message) => message.envelope_id === "env-1"), "the envelope's acknowledgement");
      await until(() => api.postedTo("U1").some((message) => /What would you like to do/.test(message.text)), "the menu in the DM");
    } finally {
      await app.stop();
    }
  });
});

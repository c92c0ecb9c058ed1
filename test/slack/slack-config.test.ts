import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readConfig } from "../../src/runtime/config.js";
import { TEST_DATA_KEYS } from "../helpers/test-keys.js";

const REQUIRED = { SLACK_BOT_TOKEN: "xoxb-1-2-abc", SLACK_SIGNING_SECRET: "secret", DATA_ENCRYPTION_KEYS: TEST_DATA_KEYS };

describe("Slack configuration", () => {
  it("no token: no Slack adapter; token and signing secret: HTTP mode on Slack's own API", () => {
    expect(readConfig({}).slack).toBeUndefined();
    expect(readConfig(REQUIRED).slack).toEqual({
      token: "xoxb-1-2-abc",
      signingSecret: "secret",
      appToken: undefined,
      apiUrl: undefined,
      reviewChannel: undefined,
      reviewerIds: [],
    });
  });

  it("reads Socket Mode, the API URL (made to end in /), the review channel and reviewers", () => {
    const config = readConfig({
      ...REQUIRED,
      SLACK_APP_TOKEN: "xapp-1-A1-xyz",
      SLACK_API_URL: "http://127.0.0.1:9999/api",
      SLACK_REVIEW_CHANNEL: "C0123ABC",
      SLACK_REVIEWER_IDS: "U01AAA, W02BBB",
    });
    expect(config.slack).toMatchObject({
      appToken: "xapp-1-A1-xyz",
      apiUrl: "http://127.0.0.1:9999/api/",
      reviewChannel: "C0123ABC",
      reviewerIds: ["U01AAA", "W02BBB"],
    });
  });

  it.each([
    [{ SLACK_SIGNING_SECRET: undefined }, "SLACK_SIGNING_SECRET"],
    [{ SLACK_BOT_TOKEN: "xoxp-user-token" }, "SLACK_BOT_TOKEN"],
    [{ SLACK_APP_TOKEN: "xoxb-wrong" }, "SLACK_APP_TOKEN"],
    [{ SLACK_API_URL: "slack.com/api" }, "SLACK_API_URL"],
    [{ SLACK_REVIEW_CHANNEL: "#reviews" }, "SLACK_REVIEW_CHANNEL"],
    [{ SLACK_REVIEWER_IDS: "U01AAA,@rita" }, "SLACK_REVIEWER_IDS"],
  ])("refuses %o naming %s", (env, variable) => {
    expect(() => readConfig({ ...REQUIRED, ...env })).toThrow(variable);
  });
});

describe("the app manifest", () => {
  const manifest = readFileSync(join(import.meta.dirname, "..", "..", "slack-manifest.yml"), "utf8");

  it("subscribes to what the app listens for and points every URL at /slack/events", () => {
    for (const needed of ["message.im", "app_home_opened", "command: /verify", "home_tab_enabled: true", "is_enabled: true"])
      expect(manifest).toContain(needed);
    const urls = [...manifest.matchAll(/(?:url|request_url): (\S+)/g)].map((match) => match[1]);
    expect(urls).toHaveLength(3);
    for (const url of urls) expect(url).toMatch(/\/slack\/events$/);
  });

  it("asks for the scopes of every Web API method the app calls", () => {
    for (const scope of ["chat:write", "commands", "im:history", "files:read", "files:write", "users:read"])
      expect(manifest).toContain(`- ${scope}`);
  });
});

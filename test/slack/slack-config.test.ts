import { describe, expect, it } from "vitest";
import { readConfig } from "../../src/config.js";

const REQUIRED = { SLACK_BOT_TOKEN: "xoxb-1-2-abc", SLACK_SIGNING_SECRET: "secret" };

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
    expect(config.slack).toMatchObject({ appToken: "xapp-1-A1-xyz", apiUrl: "http://127.0.0.1:9999/api/", reviewChannel: "C0123ABC", reviewerIds: ["U01AAA", "W02BBB"] });
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

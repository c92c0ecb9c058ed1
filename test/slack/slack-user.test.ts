import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { goodJpeg, minimalGoodJpeg } from "../helpers/hostile-files.js";
import { createSlackHarness, REVIEW_CHANNEL, SLACK_REVIEWER, type SlackHarness, TEAM, until } from "../helpers/slack-harness.js";

let s: SlackHarness;
beforeEach(async () => {
  s = await createSlackHarness();
});
afterEach(() => s.close());

const ALICE = "UALICE";
const last = (user = ALICE) => s.api.postedTo(user).at(-1) ?? { text: "", buttons: [] as string[], blocks: [] };

/** Sends a DM or presses a button, then waits for the app's reply that matches. */
function step(action: () => Promise<unknown>, reply: RegExp, user = ALICE) {
  return s.actAndWait(user, action, reply);
}

describe("a user in a Slack DM", () => {
  it("verifies their company: enterprise offered first, licence photo downloaded with the bot token, team recorded; a reviewer opens it in a DM", async () => {
    await step(() => s.dm(ALICE, "hi"), /What would you like to do/);
    expect(last().buttons).toContain("start");
    await step(() => s.press(ALICE, "start"), /full name/);
    await step(() => s.dm(ALICE, "Zhang San"), /email/);
    await step(() => s.dm(ALICE, "zhang.san@example.com"), /mobile phone/);
    await step(() => s.dm(ALICE, "13812348000"), /verification method/);
    expect(last().buttons).toEqual(["method.enterprise", "method.id_card", "method.phone"]);
    await step(() => s.press(ALICE, "method.enterprise"), /company/i);
    await step(() => s.dm(ALICE, "北京某某科技有限公司"), /social credit code/i);
    await step(() => s.dm(ALICE, "91350100M000100Y43"), /licence/i);
    s.api.addFile("FLICENCE", await goodJpeg());
    await step(() => s.shareFile(ALICE, "FLICENCE"), /legal representative/i);
    await step(() => s.dm(ALICE, "李四"), /ID number/i);
    await step(() => s.dm(ALICE, "11010519491231002X"), /legal representative's ID card/);
    s.api.addFile("FREPFRONT", await minimalGoodJpeg(2));
    s.api.addFile("FREPBACK", await minimalGoodJpeg(3));
    await step(() => s.shareFile(ALICE, "FREPFRONT"), /BACK of the legal representative's ID card/);
    await step(() => s.shareFile(ALICE, "FREPBACK"), /Please check your application/);
    await step(() => s.press(ALICE, "submit"), /agree/i);
    await step(() => s.press(ALICE, "consent.agree"), /submitted/i);

    const row = s.harness.sqlite.prepare("select status, method, workspace_team_id from applications").get();
    expect(row).toEqual({ status: "submitted", method: "enterprise", workspace_team_id: TEAM });
    await until(() => s.api.postedTo(REVIEW_CHANNEL).length > 0, "the review card");
    const card = s.api.postedTo(REVIEW_CHANNEL)[0]!;
    expect(card.text).toContain(`Slack workspace: ${TEAM}`);
    expect(card.buttons.map((value) => value.split(".")[1])).toEqual(["ok", "no", "in", "op", "cl"]);
    // The channel's card carries no personal data and no image.
    for (const personal of ["北京某某", "91350100M000100Y43", "李四", "002X", "Zhang", "zhang.san", "13812348000"])
      expect(JSON.stringify(card)).not.toContain(personal);
    expect(s.api.callsOf("files.getUploadURLExternal")).toHaveLength(0);

    // Open: the details and the licence as stored go to the reviewer's DM; the open is audited.
    const reference = card.buttons[0]!.split(".")[2]!;
    await s.press(SLACK_REVIEWER, `rv.op.${reference}`, { channel: REVIEW_CHANNEL });
    const dm = `D${SLACK_REVIEWER}`;
    await until(() => s.api.postedTo(dm).length > 0, "the details in the reviewer's DM");
    expect(s.api.callsOf("conversations.open")[0]!.args).toMatchObject({ users: SLACK_REVIEWER });
    expect(s.api.postedTo(dm)[0]!.text).toContain("91350100M000100Y43");
    expect(s.api.postedTo(REVIEW_CHANNEL)).toHaveLength(1);
    const [complete] = s.api.callsOf("files.completeUploadExternal");
    expect(complete!.args.channel_id).toBe(dm);
    // The licence and both sides of the legal representative's ID card, each as stored.
    expect(s.api.callsOf("files.getUploadURLExternal").map((call) => call.args.filename)).toEqual(
      ["licence", "legalRepFront", "legalRepBack"].map((step) => `${reference}-${step}.jpg`),
    );
    const application = (await s.harness.store.transaction((tx) => tx.loadApplication(reference)))!;
    for (const slot of ["licence", "legal_rep_front", "legal_rep_back"] as const) {
      const stored = await s.harness.documents.get(application.draft.documents[slot]!.id);
      expect(s.api.uploads.some((upload) => upload.includes(stored))).toBe(true);
    }
    expect((await s.harness.auditOf(reference)).map((entry) => entry.reason)).toContain("opened");
  });

  it("speaks the user's Slack language", async () => {
    s.api.setLocale(ALICE, "zh-CN");
    await step(() => s.dm(ALICE, "你好"), /您想/);
  });

  it("says the app lacks access when Slack answers the download with its HTML sign-in page", async () => {
    await s.dm(ALICE, "hi");
    await until(() => last().text.includes("What would you like"));
    await step(() => s.press(ALICE, "start"), /full name/);
    await step(() => s.dm(ALICE, "Zhang San"), /email/);
    await step(() => s.dm(ALICE, "zhang.san@example.com"), /mobile phone/);
    await step(() => s.dm(ALICE, "13812348000"), /verification method/);
    await step(() => s.press(ALICE, "method.id_card"), /ID number/);
    await step(() => s.dm(ALICE, "11010519491231002X"), /FRONT/);
    s.api.addFile("FHTML", Buffer.from("<html>"), "text/html");
    await step(() => s.shareFile(ALICE, "FHTML"), /no permission to read files/);
    await until(() => /FRONT/.test(last().text), "the same question again");
  });

  it("/verify from a channel says there, to the user alone, that the conversation continues in the DM, and starts it there", async () => {
    const response = await s.command(ALICE, "", "C0GENERAL");
    expect(response.status).toBe(200);
    const [pointer] = await s.waitForCalls("chat.postEphemeral");
    expect(pointer!.args).toMatchObject({
      channel: "C0GENERAL",
      user: ALICE,
      text: "I've sent you a direct message — let's continue there.",
    });
    await until(() => /What would you like to do/.test(last().text), "the menu in the DM");
  });

  it("/verify status, /verify help and /verify faq <question>", async () => {
    await step(() => s.command(ALICE, "status"), /no application yet/);
    await step(() => s.command(ALICE, "faq how long does the review take"), /business days/);
  });

  it("names every command as Slack lets it be typed, /verify <command> (Slack's own /status sets the user's status), and each works", async () => {
    await step(() => s.command(ALICE, "help"), /\/verify status — /);
    const help = s.api.postedTo(ALICE).find((message) => message.text.includes("/verify status — "))?.text ?? "";
    // Every command the help names is spelled for Slack: "/verify" alone is the menu, and nothing else starts with "/".
    expect(help.match(/(?<=^|\s)\/\w+(?: [a-z]+ —)?/gm)).toEqual([
      "/verify",
      ...["status", "back", "cancel", "restart", "lang", "privacy", "help"].map((command) => `/verify ${command} —`),
    ]);
    await step(() => s.command(ALICE, "lang zh"), /已切换为中文/);
    await step(() => s.command(ALICE, "help"), /\/verify status/);
    await step(() => s.command(ALICE, "/lang en"), /Language set to English/); // a slash typed out of habit
    await step(() => s.command(ALICE, ""), /What would you like to do/);
    await step(() => s.press(ALICE, "start"), /full name/);
    await step(() => s.command(ALICE, "back"), /first question/);
    await step(() => s.command(ALICE, "cancel"), /^Stopped\./);
    await step(() => s.command(ALICE, "restart"), /no unfinished application to start over/);
  });

  it("App Home shows the status and a button to start or continue", async () => {
    await s.homeOpened(ALICE);
    const [publish] = await waitFor("views.publish");
    expect(publish!.args.user_id).toBe(ALICE);
    const view = publish!.args.view;
    expect(view.type).toBe("home");
    expect(JSON.stringify(view.blocks)).toContain("no application yet");
    expect(view.blocks.at(-1).elements[0]).toMatchObject({ value: "start", text: { text: "Start or continue verification" } });
  });

  it("a retried delivery of the same event has no second effect", async () => {
    await step(() => s.dm(ALICE, "hi", "EvSame"), /What would you like to do/);
    const posted = s.api.callsOf("chat.postMessage").length;
    const retry = await s.event(
      { type: "message", channel: `D${ALICE}`, channel_type: "im", user: ALICE, text: "hi", ts: "9.1" },
      "EvSame",
      {
        "x-slack-retry-num": "1",
        "x-slack-retry-reason": "http_timeout",
      },
    );
    expect(retry.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(s.api.callsOf("chat.postMessage").length).toBe(posted);
  });

  it("ignores channel messages, bot messages and edits", async () => {
    await s.event({ type: "message", channel: "C0GENERAL", channel_type: "channel", user: ALICE, text: "hello all", ts: "1.1" });
    await s.event({ type: "message", channel: `D${ALICE}`, channel_type: "im", bot_id: "BBOT", user: "UBOT", text: "echo", ts: "1.2" });
    await s.event({
      type: "message",
      subtype: "message_changed",
      channel: `D${ALICE}`,
      channel_type: "im",
      ts: "1.3",
      message: { text: "x" },
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(s.api.callsOf("chat.postMessage")).toEqual([]);
  });
});

describe("requests that are not Slack's", () => {
  it("a bad signature gets 401 and does nothing", async () => {
    const response = await s.signedPost(
      JSON.stringify({ type: "event_callback", event_id: "EvX", event: { type: "message", channel_type: "im", user: ALICE, text: "hi" } }),
      "application/json",
      { secret: "wrong" },
    );
    expect(response.status).toBe(401);
  });

  it("a timestamp older than 5 minutes gets 401", async () => {
    const response = await s.signedPost(
      JSON.stringify({ type: "event_callback", event_id: "EvY", event: { type: "message" } }),
      "application/json",
      {
        timestamp: Math.floor(Date.now() / 1000) - 6 * 60,
      },
    );
    expect(response.status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(s.api.callsOf("chat.postMessage")).toEqual([]);
  });
});

describe("a user's data", () => {
  it("/verify privacy, then Export my data: the JSON file is uploaded to the user's DM", async () => {
    await step(() => s.command(ALICE, "privacy"), /What we keep/);
    expect(s.api.postedTo(ALICE).find((message) => /What we keep/.test(message.text))!.buttons).toEqual([
      "privacy.export",
      "privacy.erase",
    ]);
    await step(() => s.press(ALICE, "privacy.export"), /everything we hold about you/);
    expect(s.api.callsOf("conversations.open")[0]!.args).toMatchObject({ users: ALICE });
    expect(s.api.callsOf("files.getUploadURLExternal")[0]!.args.filename).toMatch(/^my-data-.*\.json$/);
    expect(s.api.callsOf("files.completeUploadExternal")[0]!.args.channel_id).toBe(`D${ALICE}`);
    // The upload is a multipart body around the file.
    const body = s.api.uploads[0]!.toString("utf8");
    const data = JSON.parse(body.slice(body.indexOf("{"), body.lastIndexOf("}") + 1));
    expect(data.user.accounts[0]).toMatchObject({ platform: "slack", userId: ALICE });
  });
});

async function waitFor(method: string) {
  return s.waitForCalls(method);
}

import { afterEach, describe, expect, it } from "vitest";
import { findUserRecord, findWaitingSupport } from "../../src/applications/user-records.js";
import { homeContent } from "../../src/chat/home.js";
import { translate } from "../../src/i18n/message.js";
import { answerSupportRequest } from "../../src/notifications/support-answer.js";
import { consoleReviewers } from "../../src/review/reviewers.js";
import { createHarness, type Harness, submitWithPhone } from "../helpers/harness.js";

// Slack's App Home: the status as /status tells it, and only buttons that would be accepted.

let harness: Harness;
afterEach(() => harness.close());

const settings = { timeZone: "Asia/Shanghai", supportContact: "support@example.com" };
const buttonsOf = async (user: string) =>
  homeContent(await findUserRecord(harness.store, "console", user, "2026-11-23"), settings).choices.map((choice) => choice.id);

describe("the home page's buttons", () => {
  it("start for someone who may apply; the status's next steps once applied; none where nothing would be accepted", async () => {
    harness = await createHarness({ reviewers: consoleReviewers(["rita"]) });
    expect(homeContent(null, settings).choices.map((choice) => choice.id)).toEqual(["start"]);

    const inReview = await submitWithPhone(harness, "alice");
    // Not "start": it would be refused while in review. Where results go can still be changed.
    expect(await buttonsOf("alice")).toEqual(["update.email", "update.phone", "withdraw"]);

    await harness.chat("rita").send({ kind: "form", form: `rv.if.${inReview}`, selected: [0], note: "" });
    expect(await buttonsOf("alice")).toEqual(["provideInfo", "withdraw"]);

    const approved = await submitWithPhone(harness, "bob");
    await harness.chat("rita").press(`rv.ok.${approved}`);
    expect(await buttonsOf("bob")).toEqual([]);

    await harness.chat("carol").text("hi");
    await harness.rows(
      "update users set account_status = 'disabled' where id = (select user_id from identities where platform_user_id = 'carol')",
    );
    expect(await buttonsOf("carol")).toEqual([]);
  });

  it("names the user's request to the team while it waits, as /status does; not once answered", async () => {
    harness = await createHarness();
    const dee = harness.chat("dee");
    await dee.text("/start");
    await dee.press("support");
    await dee.text("Can I verify with a passport?");
    const waiting = await findWaitingSupport(harness.store, "console", "dee");
    expect(waiting).toEqual({ reference: expect.stringMatching(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/), since: harness.now().toISOString() });
    const home = homeContent(await findUserRecord(harness.store, "console", "dee", "2026-11-23"), {
      ...settings,
      waitingSupport: waiting!,
    });
    expect(translate("en", home.body.at(-1)!)).toBe(
      `Your request ${waiting!.reference} to our team, sent on Mon 23 Nov, 10:00 UTC+8, is waiting for their answer; it will come here, in this chat.`,
    );
    await answerSupportRequest(harness.store, waiting!.reference, "Not yet.", ["chat"], harness.now());
    expect(await findWaitingSupport(harness.store, "console", "dee")).toBeNull();
    expect(await findWaitingSupport(harness.store, "console", "nobody")).toBeNull();
  });
});

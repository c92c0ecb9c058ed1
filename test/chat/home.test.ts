import { afterEach, describe, expect, it } from "vitest";
import { findUserRecord } from "../../src/applications/user-records.js";
import { homeContent } from "../../src/chat/home.js";
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
});

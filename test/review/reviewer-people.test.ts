import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_REVIEW_POLICY } from "../../src/domain/review-policy.js";
import { parseReviewerPeople } from "../../src/domain/reviewer-people.js";
import { combineReviewers, consoleReviewers, reviewerPeopleCount, roomReviewers, withPeople } from "../../src/review/reviewers.js";
import { readConfig } from "../../src/runtime/config.js";
import { createBothPlatforms } from "../helpers/both-platforms.js";
import { REVIEW_CHANNEL, SLACK_REVIEWER, until } from "../helpers/slack-harness.js";
import { REVIEW_CHAT, REVIEWER } from "../helpers/telegram-harness.js";

const BOB = 1001; // a Telegram user

describe("REVIEWERS: one person, one pair of eyes (issue 27 §3)", () => {
  let both: Awaited<ReturnType<typeof createBothPlatforms>> | undefined;
  afterEach(async () => {
    await both?.close();
    both = undefined;
  });

  it("rita's Slack approval and her Telegram confirmation are refused as the same reviewer; her own application can't be claimed", async () => {
    const { reviewerPeople } = readConfig({ REVIEWERS: `rita=telegram:${REVIEWER},slack:${SLACK_REVIEWER};rob=slack:U0ROB` });
    expect(reviewerPeople.map((person) => person.name)).toEqual(["rita", "rob"]);
    both = await createBothPlatforms({
      people: [...reviewerPeople],
      review: { fourEyes: "all", claimMinutes: 30, requireOpenBeforeApproval: false },
    });
    const reference = await both!.t.submitIdCard(BOB);
    await both!.s.press(SLACK_REVIEWER, `rv.ok.${reference}`, { channel: REVIEW_CHANNEL });
    const audited = async () => (await both!.engine.auditOf(reference)).map((entry) => `${entry.actor} ${entry.reason}`);
    await until(async () => (await audited()).includes(`reviewer:slack:${SLACK_REVIEWER} first_approval`), "the Slack first approval");
    await both!.t.press(REVIEWER, `rv.ok.${reference}`, { chatId: REVIEW_CHAT, messageId: 555 });
    const status = async () => (await both!.engine.store.transaction((tx) => tx.loadApplication(reference)))?.status;
    expect(await status()).toBe("submitted");
    expect(await audited()).toContain(`reviewer:telegram:${REVIEWER} refused:same_reviewer`);

    // Rita applies under her Telegram account: from Slack she may neither claim nor decide it.
    const own = await both!.t.submitIdCard(REVIEWER);
    await both!.s.press(SLACK_REVIEWER, `rv.cl.${own}`, { channel: REVIEW_CHANNEL });
    await until(() => both!.s.api.calls.some((call) => /your own application/i.test(call.args.text ?? "")), "the refusal in Slack");
    const ownAudit = (await both!.engine.auditOf(own)).map((entry) => entry.reason);
    expect(ownAudit).toContain("refused:own_application");
    expect(ownAudit).not.toContain("claimed");
  });

  it("on Slack, Approve before Open is refused to that reviewer alone (ephemeral); once opened, it approves (issue 27 §1)", async () => {
    both = await createBothPlatforms({ review: DEFAULT_REVIEW_POLICY });
    const reference = await both.t.submitIdCard(BOB);
    await both.s.press(SLACK_REVIEWER, `rv.ok.${reference}`, { channel: REVIEW_CHANNEL });
    const [ephemeral] = await both.s.waitForCalls("chat.postEphemeral");
    expect(ephemeral!.args).toMatchObject({ channel: REVIEW_CHANNEL, user: SLACK_REVIEWER });
    expect(ephemeral!.args.text).toMatch(/Open it first/);
    await both.s.press(SLACK_REVIEWER, `rv.op.${reference}`, { channel: REVIEW_CHANNEL });
    const opened = async () => (await both!.engine.auditOf(reference)).some((entry) => entry.reason === "opened");
    await until(opened, "the private view");
    await both.s.press(SLACK_REVIEWER, `rv.ok.${reference}`, { channel: REVIEW_CHANNEL });
    const status = async () => (await both!.engine.store.transaction((tx) => tx.loadApplication(reference)))?.status;
    await until(async () => (await status()) === "approved", "the approval");
  });

  it("counts people, not accounts: the start warns when four eyes has fewer than two", () => {
    const rooms = combineReviewers([roomReviewers("telegram", "-1", ["1", "2"]), roomReviewers("slack", "C1", ["U1"])]);
    expect(reviewerPeopleCount(rooms)).toBe(3);
    // rita's Telegram and Slack accounts are one pair of eyes.
    expect(reviewerPeopleCount(withPeople(rooms, parseReviewerPeople("rita=telegram:1,slack:U1")))).toBe(2);
    expect(reviewerPeopleCount(withPeople(consoleReviewers(["reviewer"]), parseReviewerPeople("rita=telegram:9")))).toBe(2);
    expect(reviewerPeopleCount(consoleReviewers(["reviewer"]))).toBe(1);
  });

  it("REVIEWERS that names an account twice, or a platform that does not exist, stops the start with the reason", () => {
    expect(() => readConfig({ REVIEWERS: "rita=telegram:1;rob=telegram:1" })).toThrow(/REVIEWERS.*telegram:1 belongs to both rita and rob/);
    expect(() => readConfig({ REVIEWERS: "rita=fax:1" })).toThrow(/REVIEWERS.*"fax:1"/);
    expect(readConfig({}).reviewerPeople).toEqual([]);
  });
});

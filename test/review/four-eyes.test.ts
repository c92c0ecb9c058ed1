import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { findUserRecord } from "../../src/applications/user-records.js";
import type { FourEyes } from "../../src/domain/review-policy.js";
import { consoleReviewers } from "../../src/review/reviewers.js";
import { createHarness, type Harness, keys, readable } from "../helpers/harness.js";
import { minimalGoodJpeg } from "../helpers/hostile-files.js";
import { TESTED_DIALECTS } from "../helpers/test-databases.js";

describe.each(TESTED_DIALECTS)("four eyes on %s", (dialect) => {
  let harness: Harness;
  let photo: Buffer;
  beforeAll(async () => {
    photo = await minimalGoodJpeg();
  });
  afterEach(() => harness.close());

  const open = async (fourEyes: FourEyes = "enterprise") => {
    harness = await createHarness({
      dialect,
      reviewers: consoleReviewers(["rita", "rob", "rob-second-account"]),
      review: { fourEyes, claimMinutes: 30, requireOpenBeforeApproval: false },
      webhookReceiver: true,
    });
  };

  /** Registers `user` with this phone and submits an enterprise (or phone-method) application; returns its reference. */
  async function submit(user: string, method: "enterprise" | "phone", phone = "13812348000"): Promise<string> {
    const chat = harness.chat(user);
    await chat.press("start");
    await chat.text("张三");
    await chat.text(`${user}@example.com`);
    await chat.text(phone);
    await chat.press(`method.${method}`);
    if (method === "enterprise") {
      await chat.text("北京某某科技有限公司");
      await chat.text("91350100M000100Y43");
      await chat.file(photo);
      await chat.text("李四");
      await chat.text("11010519491231002X");
      await chat.file(await minimalGoodJpeg(140)); // the legal representative's ID card, both sides
      await chat.file(await minimalGoodJpeg(200));
    } else {
      await chat.text(harness.lastCode());
    }
    await chat.press("submit");
    await chat.press("consent.agree");
    return (await findUserRecord(harness.store, "console", user, "2099-12-31"))!.application!.reference;
  }
  const application = (reference: string) => harness.store.transaction((tx) => tx.loadApplication(reference));
  const webhookTypes = async () => (await harness.store.webhooks().list({ failed: false, limit: 50 })).map((event) => event.type).reverse();
  const auditReasons = async (reference: string) => (await harness.auditOf(reference)).map((entry) => [entry.actor, entry.reason]);

  it("with one reviewer configured, the first approval says nobody can confirm it, not that a second reviewer will", async () => {
    harness = await createHarness({
      dialect,
      reviewers: consoleReviewers(["rita"]),
      review: { fourEyes: "enterprise", claimMinutes: 30, requireOpenBeforeApproval: false },
    });
    const reference = await submit("acme", "enterprise");
    const first = await harness.chat("rita").press(`rv.ok.${reference}`);
    expect(keys(first)[0]).toBe("review.firstApproval.noSecondReviewer");
    expect(readable(first)).toContain("but you are the only reviewer configured: ask an operator to add a second one");
  });

  it("an enterprise approval waits for a second, different reviewer; the card says so; the applicant hears nothing until then", async () => {
    await open();
    const reference = await submit("acme", "enterprise");
    const first = await harness.chat("rita").press(`rv.ok.${reference}`);
    expect(keys(first)[0]).toBe("review.firstApproval.recorded");
    expect(first.some((reply) => reply.to?.chatId === "acme")).toBe(false); // no decision message
    const card = first.find((reply) => reply.to?.chatId === "rob" && reply.card)!;
    expect(readable([card])).toMatch(/First approval by rita on Mon 23 Nov, 10:00 UTC\+8: awaiting a second reviewer/);
    expect(readable([card])).toContain("[Confirm approval]");
    expect(await application(reference)).toMatchObject({ status: "submitted", firstApproval: { by: "reviewer:console:rita" } });

    expect(keys(await harness.chat("rita").press(`rv.ok.${reference}`))).toEqual(["review.sameReviewer"]);
    expect((await application(reference))?.status).toBe("submitted");

    const second = await harness.chat("rob").press(`rv.ok.${reference}`);
    expect(second.some((reply) => reply.to?.chatId === "acme")).toBe(true);
    expect(await application(reference)).toMatchObject({ status: "approved", decidedBy: "reviewer:console:rob", firstApproval: null });
    expect(await auditReasons(reference)).toEqual(
      expect.arrayContaining([
        ["reviewer:console:rita", "first_approval"],
        ["reviewer:console:rita", "refused:same_reviewer"],
      ]),
    );
    expect(await webhookTypes()).toEqual(["application.submitted", "application.approved"]); // no event for the first approval
  });

  it("the second reviewer may reject instead, overturning the first approval", async () => {
    await open();
    const reference = await submit("acme", "enterprise");
    await harness.chat("rita").press(`rv.ok.${reference}`);
    await harness.chat("rob").press(`rv.nx.${reference}.1`);
    await harness.chat("rob").press("rv.nn");
    expect(await application(reference)).toMatchObject({ status: "rejected", firstApproval: null });
  });

  it("the applicant is refused under another account that shares their phone, as first or second reviewer", async () => {
    await open();
    // Rob applied once himself, with the phone Acme's applicant gives.
    await submit("rob", "phone", "13812348000");
    const reference = await submit("acme", "enterprise", "13812348000");
    expect(keys(await harness.chat("rob").press(`rv.ok.${reference}`))).toEqual(["review.ownApplication"]);
    await harness.chat("rita").press(`rv.ok.${reference}`);
    expect(keys(await harness.chat("rob").press(`rv.ok.${reference}`))).toEqual(["review.ownApplication"]);
    expect((await application(reference))?.status).toBe("submitted");
    expect(await auditReasons(reference)).toContainEqual(["reviewer:console:rob", "refused:own_application"]);
  });

  it("the first reviewer can't confirm under a second account of theirs (recognised by the phone they applied with)", async () => {
    await open();
    await submit("rob", "phone", "13900001111");
    await submit("rob-second-account", "phone", "13900001111");
    const reference = await submit("acme", "enterprise", "13812348000");
    await harness.chat("rob").press(`rv.ok.${reference}`);
    expect(keys(await harness.chat("rob-second-account").press(`rv.ok.${reference}`))).toEqual(["review.sameReviewer"]);
    expect((await application(reference))?.status).toBe("submitted");
  });

  it("new information from the applicant cancels a pending first approval", async () => {
    await open();
    const reference = await submit("acme", "enterprise");
    await harness.chat("rita").press(`rv.ok.${reference}`);
    const chat = harness.chat("acme");
    await chat.press("update.email");
    const replies = await chat.text("new@example.com");
    expect(await application(reference)).toMatchObject({ status: "submitted", firstApproval: null });
    const card = replies.find((reply) => reply.to?.chatId === "rob" && reply.card)!;
    expect(readable([card])).not.toMatch(/First approval/);
    expect(await auditReasons(reference)).toContainEqual(["user:console:acme", "first_approval_cancelled:new_information"]);
    // Rob's approval is a first approval again.
    expect(keys(await harness.chat("rob").press(`rv.ok.${reference}`))[0]).toBe("review.firstApproval.recorded");
  });

  it("FOUR_EYES=all covers every method; none approves with one reviewer", async () => {
    await open("all");
    const phone = await submit("alice", "phone");
    await harness.chat("rita").press(`rv.ok.${phone}`);
    expect((await application(phone))?.status).toBe("submitted");
    await harness.close();
    await open("none");
    const enterprise = await submit("acme", "enterprise");
    await harness.chat("rita").press(`rv.ok.${enterprise}`);
    expect((await application(enterprise))?.status).toBe("approved");
  });

  it("the store refuses an approval decided on a review state that changed meanwhile (compare-and-set)", async () => {
    await open();
    const reference = await submit("acme", "enterprise");
    const read = (await application(reference))!;
    await harness.chat("rita").press(`rv.ok.${reference}`); // a first approval lands after `read`
    const written = await harness.store.transaction((tx) =>
      tx.setStatus({
        reference,
        from: "submitted",
        to: "approved",
        actor: "reviewer:console:rob",
        platform: "console",
        at: new Date(),
        expected: { claimedBy: read.claim?.by ?? null, firstApprovedBy: read.firstApproval?.by ?? null },
        auditReason: null,
        auditNote: null,
      }),
    );
    expect(written).toBe(false);
    expect((await application(reference))?.status).toBe("submitted");
  });
});

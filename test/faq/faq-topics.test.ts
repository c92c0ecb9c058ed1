import { afterEach, describe, expect, it } from "vitest";
import { REJECTION_REASON_CODES } from "../../src/domain/rejection-reasons.js";
import { announcementNotification } from "../../src/notifications/notification-content.js";
import { createHarness, type Harness, keys, readable, submitWithPhone } from "../helpers/harness.js";

/** The topics written from the seeds and the product's rules, answered for the user's own case and this deployment. */
let harness: Harness;
afterEach(() => harness.close());

async function inMenu(options: Parameters<typeof createHarness>[0] = {}, user = "alice") {
  harness = await createHarness(options);
  const chat = harness.chat(user);
  await chat.text("/start");
  return chat;
}

describe("the FAQ's newer topics", () => {
  it("what a rejection reason means: every reason of the catalogue, with what to do", async () => {
    const chat = await inMenu();
    const replies = await chat.text("what does details mismatch mean");
    expect(keys(replies)[0]).toBe("faq.rejection-reasons");
    expect(replies[0]!.body.filter((message) => message.key === "decision.reason")).toHaveLength(REJECTION_REASON_CODES.length);
    expect(readable(replies)).toContain("The details you entered don't match the document.");
  });

  it("is verification required: what it unlocks, and that without it those features stay locked — not the documents each method needs", async () => {
    const chat = await inMenu();
    for (const question of [
      "do I have to verify",
      "is verification mandatory",
      "认证是必须的吗",
      "可以不认证吗",
      // Worded unlike any example: a yes/no question about needing it at all, not "what do I need".
      "do i need to verify to use it",
      "must I verify",
      "是不是一定得认证",
    ])
      expect(keys(await chat.text(question))[0], question).toBe("faq.benefits");
    expect(keys(await chat.text("what do I need to verify"))[0]).toBe("faq.required-documents");
    // Changing a phone or email is kept up to date from the menu, not a new application.
    expect(keys(await chat.text("do i need to verify again after changing phone"))[0]).toBe("faq.update-info");
    expect(readable(await chat.text("is verification required"))).toContain(
      "Without verification the platform can still be used, but those features stay locked.",
    );
  });

  it("changing an application after submitting, asked before having one: the email and phone still can be (as the product lets them), the rest by withdrawing", async () => {
    const chat = await inMenu();
    const replies = await chat.text("can I change my application after I submit it?");
    expect(keys(replies)[0]).toBe("faq.modify-application");
    expect(readable(replies)).toContain("Once submitted, an application can't be edited, except its email and mobile number");
    expect(readable(replies)).toContain("Before you submit, every answer can still be changed.");
  });

  it("an expired ID card: the documents each method needs, which says they must be valid (the reason document_invalid)", async () => {
    const chat = await inMenu();
    for (const question of ["身份证过期了还能用吗", "expired id ok?"])
      expect(keys(await chat.text(question))[0], question).toBe("faq.required-documents");
    expect(readable(await chat.text("my id card is expired"))).toContain("still valid (an expired card is not accepted)");
  });

  it("a photo that keeps failing is a question of what a photo must be; an upload that keeps failing, of the service", async () => {
    const chat = await inMenu();
    expect(keys(await chat.text("My photo keeps failing and I don't know why"))[0]).toBe("faq.document-requirements");
    expect(keys(await chat.text("the upload keeps failing"))[0]).toBe("faq.platform-issue");
  });

  it("a missing result email, where results are not emailed: says so, and where they do go", async () => {
    const chat = await inMenu({ notifyChannels: ["chat", "sms"] });
    const replies = await chat.text("I didn't get any email about the result");
    expect(keys(replies)[0]).toBe("faq.notification-missing.sms");
    expect(readable(replies)).toContain("Results are sent here and by SMS to the mobile number you registered (not by email)");
  });

  it("deleting my data: the answer carries the export and delete buttons", async () => {
    const chat = await inMenu();
    const replies = await chat.text("how do I delete my data");
    expect(keys(replies)[0]).toBe("faq.delete-account");
    expect(replies[0]!.choices?.map((choice) => choice.id)).toEqual([
      "privacy.export",
      "privacy.erase",
      "helpful.delete-account.yes",
      "helpful.delete-account.no",
    ]);
  });

  it("I sent the wrong photo: before submitting, how to replace it; after, withdraw — with the button", async () => {
    const chat = await inMenu();
    expect(keys(await chat.text("I sent the wrong photo"))[0]).toBe("faq.wrong-photo");
    const reference = await submitWithPhone(harness, "bob");
    const after = await harness.chat("bob").text("I sent the wrong photo");
    expect(readable(after)).toContain(`Your application ${reference} is already with the reviewers`);
    expect(after[0]!.choices?.map((choice) => choice.id)).toEqual(["withdraw", "helpful.wrong-photo.yes", "helpful.wrong-photo.no"]);
  });

  it("official announcements: names OFFICIAL_CHANNELS where set; says nothing of them where unset", async () => {
    const unset = await inMenu();
    const none = readable(await unset.text("where are official announcements published"));
    expect(none).toContain("are sent to this chat");
    expect(none).not.toContain("published here");
    await harness.close();
    const set = await inMenu({ officialChannels: "官网 https://example.com · 微博 @example" });
    expect(readable(await set.text("where are official announcements published"))).toContain(
      "Official announcements are published here: 官网 https://example.com · 微博 @example.",
    );
    // The support hand-off and announcements name them too; unset, neither does.
    await set.press("support");
    expect(readable(await set.press("support.send"))).toContain("Official announcements: 官网 https://example.com · 微博 @example.");
    expect(
      readable([{ locale: "en", ...announcementNotification({ zh: "维护", en: "Maintenance" }, "en", "官网 https://example.com") }]),
    ).toContain("Official announcements: 官网 https://example.com.");
    expect(readable([{ locale: "en", ...announcementNotification({ zh: "维护", en: "Maintenance" }, "en") }])).not.toContain("Official");
  });

  it("passports: the phone method is offered as the way out only where SMS can be sent", async () => {
    const withSms = await inMenu();
    expect(readable(await withSms.text("can I use my passport"))).toContain("the phone method");
    await harness.close();
    const withoutSms = await inMenu({ smsAvailable: false });
    const answer = readable(await withoutSms.text("can I use my passport"));
    expect(answer).toContain("the enterprise method");
    expect(answer).not.toContain("phone method");
  });

  it("why the ID number is needed: with this deployment's retention", async () => {
    const chat = await inMenu({ defaultLocale: "zh-CN" });
    expect(readable(await chat.text("为什么要我的身份证号码"))).toContain("审核结束 90 天后删除");
  });
});

import { afterEach, describe, expect, it } from "vitest";
import type { Reply } from "../../src/chat/reply.js";
import { translate } from "../../src/i18n/message.js";
import { decisionNotification } from "../../src/notifications/notification-content.js";
import { consoleReviewers } from "../../src/review/reviewers.js";
import {
  createHarness,
  type Harness,
  keys,
  readable,
  registerForIdCard,
  restartHarness,
  submitIdCardAs,
  submitWithPhone,
} from "../helpers/harness.js";
import { minimalGoodJpeg } from "../helpers/hostile-files.js";
import { leaksIn } from "../helpers/leak-scan.js";

// Issue 24 §1–2: every text about the user's application is written from their situation, and promises only
// what this deployment has.

let harness: Harness;
afterEach(() => harness.close());

const choiceIds = (replies: Reply[]) => replies.flatMap((reply) => reply.choices?.map((choice) => choice.id) ?? []);

async function submitIdCard(user: string): Promise<string> {
  const chat = harness.chat(user);
  await registerForIdCard(chat);
  await chat.text("11010519491231002X");
  await chat.file(await minimalGoodJpeg());
  await chat.file(await minimalGoodJpeg(9));
  await chat.press("submit");
  await chat.press("consent.agree");
  const [row] = await harness.rows<{ reference: string }>("select reference from applications where reference is not null");
  return row!.reference;
}

describe("a user whom reviewers asked for more information", () => {
  async function waitingAlice() {
    harness = await createHarness({ reviewers: consoleReviewers(["rita"]) });
    const reference = await submitIdCard("alice");
    // The request form: the back photo (item 5), with a note to the applicant.
    await harness.chat("rita").send({ kind: "form", form: `rv.if.${reference}`, selected: [5], note: "the photo is cut off" });
    return { reference, alice: harness.chat("alice") };
  }

  it("in a chat without forms (Telegram, the console) the note is the reviewer's next message; one too long is refused whole", async () => {
    harness = await createHarness({ reviewers: consoleReviewers(["rita"]) });
    const reference = await submitIdCard("alice");
    const rita = harness.chat("rita");
    expect(keys(await rita.press(`rv.ig.${reference}.${1 << 5}`))).toEqual(["review.info.note"]);
    const tooLong = await rita.text("太".repeat(501));
    expect(readable(tooLong)).toContain("That note has 501 characters; the applicant's screen holds 500.");
    expect(await harness.rows("select reference from applications where status = 'needs_more_info'")).toEqual([]);
    const sent = await rita.text("the photo is cut off");
    expect(readable(sent.filter((reply) => reply.to?.chatId === "alice"))).toContain("The reviewer wrote: “the photo is cut off”");
  });

  it("a photo sent before “Provide information” is not taken for nothing: press it first; elsewhere no step is promised", async () => {
    const { alice } = await waitingAlice();
    const early = await alice.file(await minimalGoodJpeg(21));
    expect(keys(early)[0]).toBe("document.provideInfoFirst");
    expect(choiceIds(early)[0]).toBe("provideInfo");
    await alice.press("provideInfo");
    expect(keys(await alice.file(await minimalGoodJpeg(21)))).toContain("document.received");
    await alice.press("consent.agree");
    // In review, nothing is asked of them: no "when we get to that step".
    expect(keys(await alice.file(await minimalGoodJpeg(22)))[0]).toBe("document.notNeeded");
    // Before a method is chosen, photos may or may not come: said so.
    expect(keys(await harness.chat("bob").file(await minimalGoodJpeg(23)))[0]).toBe("document.beforeMethod");
  });

  it("once sending it, is told so — not to press “Provide information”, not 'your application isn't submitted yet'", async () => {
    const { reference, alice } = await waitingAlice();
    await alice.press("provideInfo");
    await alice.file(await minimalGoodJpeg(21));
    for (const asked of [await alice.text("/status"), await alice.text("what do I need to do?")]) {
      expect(readable(asked)).toContain(`Reviewers need from you for application ${reference}: ID card, back.`);
      expect(readable(asked)).toContain("You are sending it now: when it is in, press “Submit (I agree)” on the summary");
      expect(readable(asked)).not.toMatch(/Choose “Provide information”|isn't submitted yet/);
      expect(choiceIds(asked)).not.toContain("provideInfo");
      expect(readable(asked)).not.toContain("four steps"); // their step is the one asked for
    }
    // An earlier message's button pressed again does not start over: the photo sent is kept.
    expect(keys(await alice.press("provideInfo")).slice(0, 3)).toEqual(["situation.waitingProviding", "consent.prompt", "summary.title"]);
    expect(keys(await alice.press("consent.agree"))).toContain("provideInfo.done");
    expect(readable(await alice.text("/status"))).toContain(`is with the reviewers`);
  });

  it("pressed again after /cancel, Provide information and Resubmit go on where the user was: nothing sent is dropped", async () => {
    const { reference, alice } = await waitingAlice();
    await alice.press("provideInfo");
    await alice.file(await minimalGoodJpeg(21));
    expect(keys(await alice.text("/cancel"))).toContain("cancel.doneProvideInfo");
    const again = await alice.press("provideInfo");
    expect(keys(again)[0]).toBe("situation.waitingProviding");
    expect(keys(again)).toContain("summary.title"); // the photo sent before /cancel is kept: nothing left to ask
    await alice.press("consent.agree");

    // Rejected for an unclear photo, then resubmitting: the photo sent again is kept the same way.
    await harness.chat("rita").send({ kind: "form", form: `rv.nf.${reference}`, selected: [2], note: "" });
    expect(keys(await alice.press("resubmit"))).toContain("resubmit.started");
    await alice.file(await minimalGoodJpeg(31));
    const status = await alice.text("/status");
    expect(readable(status)).toContain("You are resubmitting it: the changes you made so far are kept.");
    expect(readable(status)).not.toContain("You can resubmit");
    expect(choiceIds(status)).not.toContain("resubmit");
    await alice.text("/cancel");
    const resumed = await alice.press("resubmit");
    expect(keys(resumed)).toEqual(["resubmit.continuing", "ask.idBack"]);
  });

  it("hears what is needed first — items, the note, the button — wherever they ask", async () => {
    const { reference, alice } = await waitingAlice();
    const need = `Reviewers need from you for application ${reference}: ID card, back.\nThe reviewer wrote: “the photo is cut off”`;

    const howLong = await alice.text("how long does the review take");
    expect(readable(howLong)).toContain(need);
    expect(readable(howLong)).not.toMatch(/is with the reviewers|expected by/);
    expect(choiceIds(howLong)).toContain("provideInfo");

    const why = await alice.text("why was I rejected");
    expect(readable(why)).toContain(`Your application ${reference} was not rejected`);
    expect(readable(why)).toContain(need);

    const missed = await alice.text("I never got any notification");
    expect(readable(missed).startsWith(need)).toBe(true);
    expect(choiceIds(missed)[0]).toBe("provideInfo");

    const status = await alice.text("/status");
    expect(readable(status).startsWith(need)).toBe(true);
    expect(readable(status)).not.toMatch(/under review|can't be edited/);
    expect(choiceIds(status).slice(0, 2)).toEqual(["provideInfo", "withdraw"]);

    const start = await alice.press("start");
    expect(readable(start)).toContain(need);
    expect(readable(start)).toContain(`You can't start another application while ${reference} is open.`);

    const erase = await alice.press("privacy.erase");
    expect(readable(erase)).toContain("is waiting for your information");
    expect(choiceIds(erase)).toEqual(["provideInfo", "withdraw"]);

    expect(keys(await alice.press("support"))).toEqual(["support.ask"]);
    const support = await alice.press("support.send");
    expect(readable(support).startsWith(need)).toBe(true);
    expect(readable(support)).toContain("I've passed your request to our team");
    expect(choiceIds(support)).toContain("provideInfo");

    const menu = await alice.text("/start");
    const prompt = menu.at(-1)!;
    expect(readable([prompt]).startsWith(need)).toBe(true);
    expect(prompt.choices?.[0]?.id).toBe("provideInfo");
    expect(prompt.choices?.map((choice) => choice.id)).not.toContain("start");
  });

  it("in Chinese too, with the time asked in the service's zone", async () => {
    const { reference, alice } = await waitingAlice();
    await alice.text("/lang zh");
    const status = readable(await alice.text("/status"));
    expect(status).toContain(`审核人员需要您为申请 ${reference} 补充：身份证国徽面。`);
    expect(status).toContain("审核人员留言：“the photo is cut off”");
    // Asked at 2026-11-23 02:00 UTC: 10:00 in Shanghai, a Monday.
    expect(status).toContain("提出时间：11月23日（周一）10:00。");
    expect(readable(await alice.text("审核要几天"))).not.toContain("正在审核中");
  });
});

describe("the request's note reaches the applicant on every channel", () => {
  it("chat and SMS name the items; the SMS carries the note shortened; a note over 500 characters is cut", async () => {
    harness = await createHarness({ reviewers: consoleReviewers(["rita"]) });
    const reference = await submitIdCard("alice");
    const note = `Please retake the back of the card in daylight, without the flash glare. ${"x".repeat(600)}`;
    const sent = await harness.chat("rita").send({ kind: "form", form: `rv.if.${reference}`, selected: [5], note });
    const toAlice = sent.filter((reply) => reply.to?.chatId === "alice");
    expect(readable(toAlice)).toContain("The reviewer wrote: “Please retake the back");
    const application = (await harness.store.transaction((tx) => tx.loadApplication(reference)))!;
    expect(application.note).toHaveLength(500);
    const sms = translate("en", decisionNotification(application, "support@example.com").content.sms);
    expect(sms).toBe(
      `Verification ${reference}: reviewers need ID card, back (“Please retake the back of the card in d…”). Please open your chat with the assistant.`,
    );
  });
});

describe("what reviewers read", () => {
  it("the card of a withdrawn application names the applicant and the time of the withdrawal, not the last reviewer", async () => {
    harness = await createHarness({ reviewers: consoleReviewers(["rita"]) });
    const reference = await submitIdCard("alice");
    await harness.chat("rita").send({ kind: "form", form: `rv.if.${reference}`, selected: [5], note: "" });
    harness.setNow(new Date("2026-11-23T02:07:00Z"));
    await harness.chat("alice").press("withdraw");
    const withdrawn = await harness.chat("alice").press("withdraw.confirm");
    const card = withdrawn.filter((reply) => reply.card === reference);
    expect(card.length).toBeGreaterThan(0);
    expect(readable(card)).toContain("Withdrawn by the applicant on Mon 23 Nov, 10:07 UTC+8");
    expect(readable(card)).not.toMatch(/rita|reviewer:/);
  });

  it("a decision is recorded as a sentence: 'is now waiting for more information'", async () => {
    harness = await createHarness({ reviewers: consoleReviewers(["rita"]) });
    const reference = await submitIdCard("alice");
    await harness.chat("rita").press(`rv.ig.${reference}.${1 << 5}`);
    const recorded = await harness.chat("rita").press("rv.nn");
    expect(readable(recorded)).toContain(`Recorded: ${reference} is now waiting for more information.`);
  });
});

describe("decided applications", () => {
  it("/status names rejection reasons by their label, never their code", async () => {
    harness = await createHarness({ reviewers: consoleReviewers(["rita"]) });
    const reference = await submitWithPhone(harness, "alice");
    const decided = await harness.chat("rita").send({ kind: "form", form: `rv.nf.${reference}`, selected: [0], note: "" });
    // A phone application has no document: its details mismatch is told in the terms of the number.
    const told = readable(decided.filter((reply) => reply.to?.chatId === "alice"));
    expect(told).toContain("The name you entered doesn't match the records of this phone number. Enter your full legal name exactly");
    expect(told).not.toContain("document");
    const status = readable(await harness.chat("alice").text("/status"));
    expect(status).toContain(
      `Your application ${reference} was not approved:\n• The name you entered doesn't match the records of this phone number.`,
    );
    expect(status).not.toContain("details_mismatch");
    // The SMS speaks the chat's words: "not approved", never the reviewers' "rejected".
    const application = (await harness.store.transaction((tx) => tx.loadApplication(reference)))!;
    expect(translate("en", decisionNotification(application, "support@example.com").content.sms)).toBe(
      `Verification ${reference}: not approved. Details in your chat with the assistant.`,
    );
  });

  it("'what does this mean?' after a decision is about it: their reasons with what to do, or what reviewers need — for anyone else, as before", async () => {
    harness = await createHarness({ reviewers: consoleReviewers(["rita"]) });
    const fixable = await submitWithPhone(harness, "alice");
    await harness.chat("rita").send({ kind: "form", form: `rv.nf.${fixable}`, selected: [0], note: "" });
    const asked = await harness.chat("alice").text("what does this mean?");
    expect(readable(asked)).toContain(
      `Your application ${fixable} was not approved because:\n• The name you entered doesn't match the records of this phone number. Enter your full legal name exactly`,
    );
    expect(choiceIds(asked)).toContain("resubmit");
    expect(keys(await harness.chat("alice").text("这是什么意思"))).toContain("faq.yourRejection");

    const waiting = await submitWithPhone(harness, "bob");
    await harness.chat("rita").send({ kind: "form", form: `rv.if.${waiting}`, selected: [0], note: "" });
    expect(readable(await harness.chat("bob").text("I don't understand"))).toContain(`Your application ${waiting} was not rejected`);

    await harness.chat("cy").text("/start");
    expect(keys(await harness.chat("cy").text("what does this mean?"))).not.toContain("faq.yourRejection");
  });

  it("rejected for something fixable: the menu offers Resubmit first, and starting over as a new application", async () => {
    harness = await createHarness({ reviewers: consoleReviewers(["rita"]) });
    const fixable = await submitWithPhone(harness, "alice");
    await harness.chat("rita").send({ kind: "form", form: `rv.nf.${fixable}`, selected: [0], note: "" });
    const menu = await harness.chat("alice").text("/start");
    expect(choiceIds(menu).slice(0, 2)).toEqual(["resubmit", "start"]);
    expect(readable(menu)).toContain("[Resubmit] [New application]");
    // Someone back hears where they stand, not the four steps of a first visit.
    expect(readable(menu)).toContain(
      `Welcome back!\nYour application ${fixable} was not approved:\n• The name you entered doesn't match the records of this phone number.`,
    );
    expect(readable(menu)).not.toContain("four steps");
    expect(keys(await harness.chat("alice").text("重新提交"))).toContain("resubmit.started");

    const final = await submitWithPhone(harness, "bob");
    await harness.chat("rita").send({ kind: "form", form: `rv.nf.${final}`, selected: [1], note: "" });
    const finalMenu = await harness.chat("bob").text("/start");
    expect(choiceIds(finalMenu)).not.toContain("resubmit");
    expect(readable(finalMenu)).toContain("[Start verification]");
  });

  it("'Withdraw application' typed asks once more, and 'yes' / 是 answers it", async () => {
    harness = await createHarness({ reviewers: consoleReviewers(["rita"]) });
    await submitWithPhone(harness, "alice");
    const alice = harness.chat("alice");
    expect(keys(await alice.text("withdraw application"))).toContain("withdraw.confirm");
    expect(keys(await alice.text("No"))).not.toContain("withdraw.done");
    expect(keys(await alice.text("撤回申请"))).toContain("withdraw.confirm");
    expect(keys(await alice.text("是"))).toContain("withdraw.done");
    // Typed once there is nothing to withdraw: said so, not "that button belongs to an earlier message".
    expect(keys(await alice.text("Withdraw application"))).toContain("withdraw.nothing");
  });

  it("'Resubmit' and 'Provide information' typed: done where there is something to resubmit or send, else said there is not", async () => {
    harness = await createHarness({ reviewers: consoleReviewers(["rita"]) });
    const alice = harness.chat("alice");
    // Nothing applied for: not the FAQ on resubmitting ("Yes — …") or on the documents each method needs.
    expect(keys(await alice.text("Resubmit"))).toContain("resubmit.nothing");
    expect(keys(await alice.text("补充材料"))).toContain("provideInfo.nothing");
    const reference = await submitWithPhone(harness, "alice");
    expect(keys(await alice.text("provide information"))).toContain("provideInfo.nothing");
    await harness.chat("rita").send({ kind: "form", form: `rv.if.${reference}`, selected: [0], note: "" });
    expect(keys(await alice.text("Provide information"))).toContain("provideInfo.started");

    const bob = harness.chat("bob");
    const rejected = await submitWithPhone(harness, "bob");
    await harness.chat("rita").send({ kind: "form", form: `rv.nf.${rejected}`, selected: [0], note: "" });
    expect(keys(await bob.text("重新提交"))).toContain("resubmit.started");
  });

  it("'I don't want to get verified any more': their choice, what stays locked; a step stopped, answers kept; in review, asked to withdraw", async () => {
    harness = await createHarness({ reviewers: consoleReviewers(["rita"]) });
    const alice = harness.chat("alice");
    await alice.text("/start");
    expect(keys(await alice.text("I don't want to get verified anymore"))).toEqual(["stop.optional", "menu.prompt"]);
    await alice.press("start");
    await alice.text("Zhang San");
    expect(keys(await alice.text("我不想认证了"))).toEqual(expect.arrayContaining(["stop.optional", "cancel.done"]));
    // A question that mentions it is left to the FAQ, not taken for stopping.
    expect(keys(await alice.text("what happens if I don't verify"))).not.toContain("stop.optional");

    await submitWithPhone(harness, "bob");
    expect(keys(await harness.chat("bob").text("放弃认证"))).toEqual(["stop.inReview", "withdraw.confirm"]);
    expect(keys(await harness.chat("bob").text("是"))).toContain("withdraw.done");

    await harness.chat("rita").press(`rv.ok.${await submitWithPhone(harness, "carol")}`);
    expect(keys(await harness.chat("carol").text("I no longer want to be verified"))).toContain("stop.verified");
  });

  it("an approved user asking why it failed or how long it takes hears that they are verified, and since when", async () => {
    harness = await createHarness({ reviewers: consoleReviewers(["rita"]) });
    const reference = await submitWithPhone(harness, "alice");
    await harness.chat("rita").press(`rv.ok.${reference}`);
    const alice = harness.chat("alice");
    expect(readable(await alice.text("why did my verification fail"))).toContain(
      "✅ You are verified (approved on Mon 23 Nov).\nNothing failed",
    );
    expect(readable(await alice.text("how long does the review take"))).toContain("There is nothing more to wait for.");
    expect(readable(await alice.text("can I resubmit"))).toContain("✅ You are verified (approved on Mon 23 Nov).\nNothing failed");
  });

  it("'can I change my application?' once decided or withdrawn: what can be done instead, never 'withdraw it'", async () => {
    harness = await createHarness({ reviewers: consoleReviewers(["rita"]) });
    const approved = await submitWithPhone(harness, "alice");
    await harness.chat("rita").press(`rv.ok.${approved}`);
    const verified = await harness.chat("alice").text("can I change my application");
    expect(keys(verified)).toContain("faq.update-info");
    expect(choiceIds(verified)).toEqual(expect.arrayContaining(["update.email", "update.phone"]));
    expect(keys(await harness.chat("alice").text("withdraw application"))).toContain("withdraw.nothing");

    const rejected = await submitWithPhone(harness, "bob");
    await harness.chat("rita").send({ kind: "form", form: `rv.nf.${rejected}`, selected: [0], note: "" });
    const fixable = await harness.chat("bob").text("can I change my application");
    expect(keys(fixable)).toContain("faq.resubmitAllowed");
    expect(choiceIds(fixable)).toContain("resubmit");

    await submitWithPhone(harness, "carol");
    await harness.chat("carol").press("withdraw");
    await harness.chat("carol").press("withdraw.confirm");
    const withdrawn = await harness.chat("carol").text("can I change my application");
    expect(keys(withdrawn)).toEqual(expect.arrayContaining(["situation.withdrawn", "faq.modifyWithdrawn"]));
    expect(choiceIds(withdrawn)).toContain("start");
    for (const replies of [verified, fixable, withdrawn]) expect(keys(replies)).not.toContain("faq.modify-application");
  });
});

describe("asking while the application is in review", () => {
  it("'Start verification' typed, or how it works asked, once applied: where they stand comes first", async () => {
    harness = await createHarness({ reviewers: consoleReviewers(["rita"]) });
    const reference = await submitWithPhone(harness, "alice");
    const typed = readable(await harness.chat("alice").text("Start verification"));
    expect(typed).toMatch(
      new RegExp(
        `^Your application ${reference} is with the reviewers; the decision is expected by Thu 26 Nov\\.\nVerification takes four steps`,
      ),
    );
  });

  it("the application is named once, with its due date, and nothing is said to have failed", async () => {
    harness = await createHarness({ reviewers: consoleReviewers(["rita"]) });
    const reference = await submitWithPhone(harness, "alice");
    const asked = readable(await harness.chat("alice").text("why did my verification fail"));
    expect(asked).toContain(
      `Your application ${reference} is with the reviewers; the decision is expected by Thu 26 Nov.\nNothing has failed so far`,
    );
    expect(asked.split(reference)).toHaveLength(2);
  });

  it("past its promised date: overdue, with an apology, and where overdue applications stand in the reviewers' queue (oldest first)", async () => {
    harness = await createHarness({ reviewers: consoleReviewers(["rita"]) });
    const reference = await submitWithPhone(harness, "alice");
    harness.setNow(new Date("2026-11-27T02:00:00Z")); // Fri 27 Nov, the day after the promised Thu 26 Nov
    expect(readable(await harness.chat("alice").text("/status"))).toContain(
      `Your application ${reference} was due to be decided by Thu 26 Nov and is overdue — sorry for the wait. Overdue applications come first in the reviewers' queue.`,
    );
  });

  it("'can I resubmit?' in review: where it stands comes first, then how resubmission works", async () => {
    harness = await createHarness({ reviewers: consoleReviewers(["rita"]) });
    const reference = await submitWithPhone(harness, "alice");
    expect(readable(await harness.chat("alice").text("can I resubmit my application"))).toMatch(
      new RegExp(`^Your application ${reference} is with the reviewers; the decision is expected by Thu 26 Nov.\nYes — one failure`),
    );
  });
});

describe("a withdrawn application", () => {
  it("'nothing arrived': no result is sent for it, so none is missing — no address to blame, no buttons to change one", async () => {
    harness = await createHarness({ notifyChannels: ["chat", "email", "sms"] });
    const reference = await submitWithPhone(harness, "alice");
    const alice = harness.chat("alice");
    await alice.press("withdraw");
    await alice.press("withdraw.confirm");
    const nothing = await alice.text("I never got any notification");
    expect(readable(nothing)).toContain(
      `You withdrew application ${reference}.\nA withdrawn application is not decided, so no result is sent for it: nothing is missing. ` +
        "A new application's result comes here, by email and by SMS.",
    );
    expect(readable(nothing)).not.toContain("that is why nothing arrived");
    expect(choiceIds(nothing)).not.toContain("update.email");
    expect(readable(await alice.text("why did it fail"))).toMatch(new RegExp(`^You withdrew application ${reference}.\n`));
  });
});

describe("asking whether an application can be changed", () => {
  it("before submitting: anything can still be changed, and how; 'submit' typed at the summary submits", async () => {
    harness = await createHarness();
    const chat = harness.chat("alice");
    await registerForIdCard(chat);
    await chat.text("11010519491231002X");
    await chat.file(await minimalGoodJpeg(7));
    await chat.file(await minimalGoodJpeg(60));
    const asked = await chat.text("can I change my application");
    expect(keys(asked)).toContain("faq.modifyDraft");
    expect(readable(asked)).toContain("Your application is not submitted yet, so any answer can still be changed");
    expect(readable(asked)).not.toContain("can't be edited");
    expect(keys(await chat.text("提交"))).toContain("submitted.done");
    expect(keys(await chat.text("can I change my application"))).toContain("faq.nothingElseChanges");
  });
});

describe("asking to change the email or phone", () => {
  const APPLICANT = { name: "张三", email: "zhang.san@example.com", phone: "13812348000", idNumber: "11010519491231002X" };
  const CONTACT = ["update.email", "update.phone"];

  it("before any application: the general answer (after approval), and no button that would be refused", async () => {
    harness = await createHarness();
    const asked = await harness.chat("alice").text("can I change my phone number");
    expect(keys(asked)).toContain("faq.update-info");
    expect(choiceIds(asked)).not.toContain("update.phone");
  });

  it("while the application is in review: it can be changed now, with the buttons; anything else means withdrawing", async () => {
    harness = await createHarness({ reviewers: consoleReviewers(["rita"]) });
    const reference = await submitWithPhone(harness, "alice");
    const alice = harness.chat("alice");
    const asked = await alice.text("can I change my phone number now");
    expect(readable(asked)).toContain(
      `Your application ${reference} is with the reviewers; the decision is expected by Thu 26 Nov.\n` +
        "You can change the email and mobile number on your application now, with the buttons below.\n" +
        "Nothing else on a submitted application can be changed: to correct it, withdraw it and apply again.",
    );
    expect(keys(asked)).not.toContain("faq.update-info");
    expect(choiceIds(asked)).toEqual(expect.arrayContaining([...CONTACT, "withdraw"]));
    expect(keys(await alice.press("update.phone"))).toContain("ask.newPhone");
    await alice.text("/cancel");
    // "Can I change my application?" says the same: not a bare "can't be edited".
    const modify = await alice.text("can I change my application");
    expect(keys(modify)).toEqual(expect.arrayContaining(["faq.updateContactNow", "faq.nothingElseChanges"]));
    expect(choiceIds(modify)).toEqual(expect.arrayContaining([...CONTACT, "withdraw"]));
  });

  it("once verified: the general answer with the buttons it names", async () => {
    harness = await createHarness({ reviewers: consoleReviewers(["rita"]) });
    const reference = await submitWithPhone(harness, "alice");
    await harness.chat("rita").press(`rv.ok.${reference}`);
    const asked = await harness.chat("alice").text("我想换手机号");
    const answer = asked.filter((reply) => keys([reply]).includes("faq.update-info"));
    expect(answer).toHaveLength(1);
    expect(choiceIds(answer)).toEqual(expect.arrayContaining(CONTACT));
  });

  it("without SMS: no code is promised, and the new phone is taken as typed (as at registration)", async () => {
    harness = await createHarness({ reviewers: consoleReviewers(["rita"]), smsAvailable: false, notifyChannels: ["chat"] });
    const { reference } = await submitIdCardAs(harness, "alice", APPLICANT);
    await harness.chat("rita").press(`rv.ok.${reference}`);
    const alice = harness.chat("alice");
    const asked = await alice.text("can I change my phone number");
    expect(keys(asked)).toContain("faq.update-info.noSms");
    expect(readable(asked)).not.toMatch(/SMS|code/);
    expect(choiceIds(asked)).toEqual(expect.arrayContaining(CONTACT));
    expect(readable(await alice.press("update.phone"))).toContain("Enter your new mobile phone number.");
    const updated = await alice.text("139 1234 8001");
    expect(keys(updated)).toEqual(expect.arrayContaining(["contact.phoneUpdated.noSms", "menu.prompt"]));
    expect(readable(updated)).not.toContain("confirmed");
    expect(choiceIds(updated)).not.toContain("notify.resend");
    expect(harness.sms).toHaveLength(0);
    const application = await harness.store.transaction((tx) => tx.loadApplication(reference));
    expect(application?.draft.phone).toContain("13912348001");
  });

  it("without SMS, a number verified by its code is not replaced by an unproven one: support is named instead", async () => {
    const first = await createHarness({ reviewers: consoleReviewers(["rita"]) });
    const reference = await submitWithPhone(first, "alice");
    await first.chat("rita").press(`rv.ok.${reference}`);
    await first.close(false);
    harness = await restartHarness(first, { reviewers: consoleReviewers(["rita"]), smsAvailable: false });
    const pressed = await harness.chat("alice").press("update.phone");
    expect(keys(pressed)).toEqual(expect.arrayContaining(["contact.phoneNeedsSms", "menu.prompt"]));
    expect(keys(pressed)).not.toContain("ask.newPhone");
    const application = await harness.store.transaction((tx) => tx.loadApplication(reference));
    expect(application?.draft.phone).toContain("13812348000");
  });
});

describe("only what this deployment has", () => {
  it("no email server and no SMS provider: the result comes 'here' only, and the phone method is never named", async () => {
    harness = await createHarness({ notifyChannels: ["chat"], smsAvailable: false });
    const welcome = readable(await harness.chat("alice").text("/start"));
    expect(welcome).toContain("the result comes here");
    expect(welcome).not.toMatch(/by email|by SMS|Phone/);
    expect(welcome).toContain("Choose a method: Personal ID card and Enterprise");
    expect(readable(await harness.chat("alice").text("which verification methods are there"))).not.toMatch(/phone \(|SMS code/i);
  });

  it("with email and SMS configured, both are promised", async () => {
    harness = await createHarness({ notifyChannels: ["chat", "email", "sms"] });
    expect(readable(await harness.chat("alice").text("/start"))).toContain("the result comes here, by email and by SMS");
    const chat = harness.chat("bob");
    await chat.press("start");
    await chat.text("张三");
    await chat.text("bob@example.com");
    await chat.text("13812348000");
    await chat.press("method.phone");
    await chat.text(harness.lastCode());
    const consent = readable(await chat.press("submit"));
    expect(consent).toContain("your name and contact details (the phone number proven by its code)");
    expect(consent).not.toMatch(/ID number|photos/);
    expect(readable(await chat.press("consent.agree"))).toContain("You'll hear from me here, by email and by SMS.");
  });

  /** Asks for the email, then, once decided, says nothing arrived: what the email step and the answer say of the channels. */
  async function emailAskedThenNothingArrived(): Promise<{ asked: string; nothing: string }> {
    const chat = harness.chat("alice");
    await chat.text("/start");
    await chat.press("start");
    await chat.text("张三");
    const asked = readable(await chat.text("I have no email"));
    await chat.text("alice@example.com");
    await chat.text("13812348000");
    await chat.press("method.phone");
    await chat.text(harness.lastCode());
    await chat.press("consent.agree");
    const [row] = await harness.rows<{ reference: string }>("select reference from applications where reference is not null");
    await harness.chat("rita").press(`rv.ok.${row!.reference}`);
    return { asked, nothing: readable(await chat.text("I never got any notification")) };
  }

  it("'nothing arrived' before any decision: nothing was sent, so nothing is missing, and when it is due", async () => {
    harness = await createHarness({ notifyChannels: ["chat", "email", "sms"] });
    const reference = await submitWithPhone(harness, "alice");
    const nothing = readable(await harness.chat("alice").text("I never got any notification"));
    expect(nothing).toContain(
      `Your application ${reference} is with the reviewers; the decision is expected by Thu 26 Nov.\n` +
        "No result has been sent yet, so none is missing: once it is decided, you'll hear from me here, by email and by SMS.",
    );
    expect(nothing).not.toContain("that is why nothing arrived");
  });

  it("the email step, and 'nothing arrived', name only the channels results are really sent on", async () => {
    harness = await createHarness({ notifyChannels: ["chat", "email", "sms"], reviewers: consoleReviewers(["rita"]) });
    const everything = await emailAskedThenNothingArrived();
    expect(everything.asked).toContain("An email address is needed to apply. If you don't have one, create one");
    expect(everything.asked).toContain("Please enter your email address. We send the review result there.");
    expect(everything.nothing).toContain("We send your results to a***e@example.com and +86 138****8000.");
    expect(everything.nothing).toContain("spam");
    await harness.close();

    harness = await createHarness({ notifyChannels: ["chat", "sms"], reviewers: consoleReviewers(["rita"]) });
    const sms = await emailAskedThenNothingArrived();
    expect(sms.asked).toContain("Please enter your email address. It is part of your verification details");
    expect(sms.asked).not.toContain("We send the review result there");
    expect(sms.nothing).toContain("We send your results by SMS to +86 138****8000.");
    expect(sms.nothing).not.toMatch(/a\*\*\*e@example\.com|spam/);
    await harness.close();

    harness = await createHarness({ notifyChannels: ["chat"], reviewers: consoleReviewers(["rita"]) });
    const chatOnly = await emailAskedThenNothingArrived();
    // Said to be sent on no other channel, so a user looking for an email or a text stops looking.
    expect(chatOnly.nothing).toContain("Results and notices come here, in this chat (not by email or SMS)");
    expect(chatOnly.nothing).not.toMatch(/We send your results|spam|by SMS/);
  });
});

describe("the leak scan the harness runs on every reply", () => {
  const reply = (text: string): Reply => ({ locale: "en", body: [{ key: "faq.deliveryLine", params: { channel: text, state: "" } }] });
  it("finds codes, actor ids and placeholders, and passes emails, file names and URLs", () => {
    expect(leaksIn([reply("Reasons: details_mismatch")]).map((leak) => leak.what)).toEqual(["code"]);
    expect(leaksIn([reply("by reviewer:console:rita")]).map((leak) => leak.what)).toEqual(["actor id"]);
    expect(leaksIn([reply("Hello {name}")]).map((leak) => leak.what)).toEqual(["placeholder"]);
    expect(leaksIn([reply("The reviewer wrote: “see file_name_v2”")])).toEqual([]); // a person's own words, quoted
    expect(leaksIn([reply("The reviewer wrote: “{A}”")])).toEqual([]);
    // Our own placeholder left without a value is found even where the template quotes it.
    expect(leaksIn([{ locale: "en", body: [{ key: "decision.note" }] }]).map((leak) => leak.what)).toEqual(["placeholder"]);
    expect(leaksIn([reply("zhang_san@example.com, front_side.jpg, https://x.test/a_b")])).toEqual([]);
    expect(keys([reply("x")])).toEqual(["faq.deliveryLine"]);
  });
});

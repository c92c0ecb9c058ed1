import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { findUserRecord } from "../../src/applications/user-records.js";
import type { Reply } from "../../src/chat/reply.js";
import { consoleReviewers } from "../../src/review/reviewers.js";
import { createHarness, type Harness, keys, readable, registerForIdCard } from "../helpers/harness.js";
import { minimalGoodJpeg } from "../helpers/hostile-files.js";
import { reviewStore } from "../helpers/review-store.js";
import { TESTED_DIALECTS } from "../helpers/test-databases.js";

describe.each(TESTED_DIALECTS)("on %s", (dialect) => {
  let harness: Harness;
  let photo: Buffer;
  beforeAll(async () => {
    photo = await minimalGoodJpeg();
  });
  beforeEach(async () => {
    harness = await createHarness({ dialect, reviewers: consoleReviewers(["rita", "rob"]) });
  });
  afterEach(() => harness.close());

  const to = (replies: Reply[], chatId: string) => replies.filter((reply) => reply.to?.chatId === chatId);
  const mine = (replies: Reply[]) => replies.filter((reply) => !reply.to);

  async function submitIdCard(user: string): Promise<{ reference: string; replies: Reply[] }> {
    const chat = harness.chat(user);
    await registerForIdCard(chat);
    await chat.text("11010519491231002X");
    await chat.file(photo);
    await chat.file(await minimalGoodJpeg(9));
    await chat.press("submit");
    const replies = await chat.press("consent.agree");
    const reference = (await findUserRecord(harness.store, "console", user, "2026-11-23"))!.application!.reference;
    return { reference, replies };
  }

  describe("reviewing in chat", () => {
    it("sends every reviewer a card without personal data, and Open shows one reviewer everything (audited)", async () => {
      const { reference, replies } = await submitIdCard("alice");
      for (const reviewer of ["rita", "rob"]) {
        const [card] = to(replies, reviewer);
        expect(card?.card).toBe(reference);
        expect(readable([card!])).not.toMatch(/110105|002X|张三|zhang\.san|13812348000/);
        expect(card?.attachments).toBeUndefined();
        expect(card?.choices?.map((c) => c.id)).toEqual([
          `rv.ok.${reference}`,
          `rv.no.${reference}`,
          `rv.in.${reference}`,
          `rv.op.${reference}`,
          `rv.cl.${reference}`,
        ]);
      }
      const [opened] = await harness.chat("rita").press(`rv.op.${reference}`);
      expect(opened?.privately).toBe(true);
      expect(opened?.to).toBeUndefined(); // to the reviewer who pressed it, no one else
      expect(readable([opened!])).toContain("ID number: 11010519491231002X");
      const application = (await harness.store.transaction((tx) => tx.loadApplication(reference)))!;
      expect(opened?.attachments?.map((a) => a.documentId)).toEqual([
        application.draft.documents.id_front!.id,
        application.draft.documents.id_back!.id,
      ]);
      expect((await harness.auditOf(reference)).map((entry) => [entry.actor, entry.reason])).toContainEqual([
        "reviewer:console:rita",
        "opened",
      ]);
    });

    it("with REVIEW_ROOM_DETAILS=room, cards carry the details (ID numbers masked) and previews", async () => {
      await harness.close();
      harness = await createHarness({ dialect, reviewers: consoleReviewers(["rita", "rob"], "room") });
      const { reference, replies } = await submitIdCard("alice");
      const [card] = to(replies, "rita");
      expect(readable([card!])).toContain("ID number: 110105********002X");
      expect(readable([card!])).not.toContain("11010519491231002X");
      expect(card?.attachments).toHaveLength(2);
      expect(card?.choices?.map((choice) => choice.id)).toContain(`rv.sd.${reference}`);
    });

    it("approves with one tap: cards stamped without buttons, the user told on their own chat", async () => {
      const { reference } = await submitIdCard("alice");
      const replies = await harness.chat("rita").press(`rv.ok.${reference}`);
      for (const reviewer of ["rita", "rob"]) {
        const [card] = to(replies, reviewer);
        expect(card?.choices).toBeUndefined();
        expect(readable([card!])).toContain("Decided: approved, by rita on Mon 23 Nov");
      }
      expect(keys(to(replies, "alice"))).toEqual(["decision.approved"]);
      const late = await harness.chat("rob").press(`rv.no.${reference}`);
      expect(readable(late)).toContain("Reject"); // the chooser opens, but the decision itself is refused:
      const refused = await harness.chat("rob").press(`rv.nx.${reference}.4`);
      expect(keys(refused)).toEqual(["review.reject.note"]);
      const final = await harness.chat("rob").text("too late");
      expect(readable(final)).toMatch(new RegExp(`${reference} can't be changed any more: it is approved \\(rita, Mon 23 Nov`));
    });

    it("rejects with reasons and a note; the user sees each reason, the note and may resubmit only the flagged items", async () => {
      const { reference } = await submitIdCard("alice");
      const rita = harness.chat("rita");
      const chooser = await rita.press(`rv.no.${reference}`);
      expect(chooser[0]?.choices?.[2]?.id).toBe(`rv.no.${reference}.4`); // toggling "document_unclear" (bit 2)
      const toggled = await rita.press(`rv.no.${reference}.4`);
      expect(readable(toggled)).toContain("☑ Photo unclear");
      await rita.press(`rv.nx.${reference}.4`);
      const decided = await rita.text("The back photo is blurry");
      const message = readable(to(decided, "alice"));
      expect(message).toContain("• A document photo was not clear enough to read. Retake the photo");
      expect(message).toContain("The reviewer wrote: “The back photo is blurry");
      expect(to(decided, "alice")[0]?.choices?.map((c) => c.id)).toEqual(["resubmit"]);

      harness.setNow(new Date("2026-11-24T02:00:00Z")); // the user comes back the next day
      const alice = harness.chat("alice");
      expect(keys(await alice.press("resubmit"))).toEqual(["resubmit.started", "ask.idFront"]);
      await alice.file(photo);
      expect(keys(await alice.file(await minimalGoodJpeg(30)))[0]).toBe("document.received");
      await alice.press("submit");
      const resubmitted = await alice.press("consent.agree");
      // The card names the application it follows and what changed since (fields only, no values)…
      const card = readable(to(resubmitted, "rita"));
      expect(card).toContain(`Resubmission of ${reference}, rejected on Mon 23 Nov: Photo unclear`);
      expect(card).toMatch(/Changed since: (new photo: ID card, front, )?new photo: ID card, back/);
      expect(card).not.toContain("blurry");
      // …and the private view the earlier reviewer's note.
      const next = (await findUserRecord(harness.store, "console", "alice", "2026-11-24"))!.application!.reference;
      expect(readable(await rita.press(`rv.op.${next}`))).toContain(`The reviewer's note on ${reference}: “The back photo is blurry”`);
      const record = await findUserRecord(harness.store, "console", "alice", "2026-11-24");
      expect(record?.application?.reference).not.toBe(reference);
      expect(record?.application?.status).toBe("submitted");
    });

    it("the note prompt names its application; starting another one's rejection says the first was set aside, unsent", async () => {
      const first = (await submitIdCard("alice")).reference;
      const second = (await submitIdCard("bob")).reference;
      const rita = harness.chat("rita");
      expect(readable(await rita.press(`rv.nx.${first}.4`))).toContain(`Type a note for the applicant of ${first}`);
      const switched = await rita.press(`rv.nx.${second}.4`);
      expect(keys(switched)).toEqual(["review.note.setAside", "review.reject.note"]);
      expect(readable(switched)).toContain(`What you started on ${first} is set aside: nothing was sent to its applicant.`);
      expect(readable(switched)).toContain(`Type a note for the applicant of ${second}`);
      const decided = await rita.text("The back photo is blurry");
      expect(to(decided, "bob").length).toBeGreaterThan(0); // the note completes the latest press
      expect(to(decided, "alice")).toEqual([]);
      expect((await findUserRecord(harness.store, "console", "alice", "2026-11-23"))?.application?.status).toBe("submitted");
      expect(keys(await rita.press(`rv.nx.${second}.4`))).not.toContain("review.note.setAside"); // nothing pending: nothing set aside
    });

    it("lets a reviewer abandon a rejection with /cancel while the note is pending", async () => {
      const { reference } = await submitIdCard("alice");
      await harness.chat("rita").press(`rv.nx.${reference}.4`);
      expect(keys(await harness.chat("rita").text("/cancel"))).toEqual(["review.cancelled"]);
      expect(keys(await harness.chat("rita").text("hello"))).not.toContain("review.card.title"); // no longer taken as a note
      expect((await findUserRecord(harness.store, "console", "alice", "2026-11-23"))?.application?.status).toBe("submitted");
    });

    it("after a final reason, this application can't be resubmitted as it is, but a new one can always be started", async () => {
      const { reference } = await submitIdCard("alice");
      await harness.chat("rita").press(`rv.nx.${reference}.${1 << 5}`); // false_information
      const decided = await harness.chat("rita").press("rv.nn");
      expect(readable(to(decided, "alice"))).toContain(
        "This application can't be resubmitted as it is. You can always start a new application",
      );
      expect(to(decided, "alice")[0]?.choices?.map((choice) => choice.id)).toEqual(["start"]);
      expect(keys(await harness.chat("alice").press("start"))).toContain("ask.name");
    });

    it("after a rejection for false information, the reviewer may also disable the account: confirmed, audited, told", async () => {
      const { reference } = await submitIdCard("alice");
      await harness.chat("rita").press(`rv.nx.${reference}.${1 << 5}`); // false_information
      const decided = await harness.chat("rita").press("rv.nn");
      const offer = mine(decided).find((reply) => reply.body[0]?.key === "review.disable.offer");
      expect(offer?.choices?.map((choice) => choice.id)).toEqual([`rv.dx.${reference}`]);
      // Anyone else pressing it is refused; the reviewer is asked to confirm.
      expect(keys(await harness.chat("alice").press(`rv.dy.${reference}`))).toEqual(["review.notReviewer"]);
      const confirm = await harness.chat("rita").press(`rv.dx.${reference}`);
      expect(confirm[0]?.choices?.map((choice) => choice.id)).toEqual([`rv.dy.${reference}`, "rv.cx"]);
      const done = await harness.chat("rita").press(`rv.dy.${reference}`);
      expect(keys(mine(done))).toEqual(["review.disable.done"]);
      expect(readable(to(done, "alice"))).toContain("Your account has been disabled because false information was submitted");
      expect(keys(await harness.chat("alice").press("start"))).toContain("situation.accountBlocked");
      const trail = await reviewStore(harness.store).auditTrail(reference);
      expect(trail?.map((entry) => entry.reason)).toContain("account_disabled");
    });

    it("an account cannot be disabled for any other reason", async () => {
      const { reference } = await submitIdCard("alice");
      await harness.chat("rita").press(`rv.nx.${reference}.4`);
      const decided = await harness.chat("rita").press("rv.nn");
      expect(keys(mine(decided))).not.toContain("review.disable.offer");
      expect(keys(await harness.chat("rita").press(`rv.dy.${reference}`))).toEqual(["review.disable.notAllowed"]);
      expect(keys(await harness.chat("alice").press("start"))).not.toContain("situation.accountBlocked");
    });

    it("no cap on attempts: the sixth application in 30 days goes to review, and its card lists the earlier ones", async () => {
      let { reference } = await submitIdCard("alice");
      let submitted: Reply[] = [];
      for (let attempt = 1; attempt <= 5; attempt++) {
        harness.setNow(new Date(Date.parse("2026-11-23T02:00:00Z") + attempt * 86_400_000));
        await harness.chat("rita").press(`rv.nx.${reference}.4`);
        const decided = await harness.chat("rita").press("rv.nn");
        expect(keys(to(decided, "alice"))).toContain("decision.rejected");
        expect(to(decided, "alice")[0]?.choices?.map((choice) => choice.id)).toEqual(["resubmit"]);
        expect(keys(await harness.chat("alice").press("resubmit"))[0]).toBe("resubmit.started");
        await harness.chat("alice").file(photo);
        await harness.chat("alice").file(await minimalGoodJpeg(attempt * 40));
        await harness.chat("alice").press("submit");
        submitted = await harness.chat("alice").press("consent.agree");
        reference = (await findUserRecord(harness.store, "console", "alice", "2026-12-01"))!.application!.reference;
      }
      const card = readable(to(submitted, "rita"));
      expect(card).toContain("Application no. 6 by this applicant in 30 days. Earlier:");
      expect(card.match(/^• [A-Z0-9]{4}-[A-Z0-9]{4} · rejected · /gm)).toHaveLength(5);
      expect(card).toContain("— Photo unclear");
    });

    it("asks for exactly the requested items, and the application goes back to submitted with an updated card", async () => {
      const { reference } = await submitIdCard("alice");
      const rita = harness.chat("rita");
      expect(keys(await rita.press(`rv.ig.${reference}.${1 << 5}`))).toEqual(["review.info.note"]); // the back photo
      const requested = await rita.press("rv.nn");
      expect(readable(to(requested, "alice"))).toContain("Reviewers need more information for");
      expect(readable(to(requested, "alice"))).toContain("ID card, back");
      const alice = harness.chat("alice");
      expect(keys(await alice.press("provideInfo"))).toEqual(["provideInfo.started", "ask.idBack"]);
      expect(keys(await alice.file(await minimalGoodJpeg(50)))).toContain("summary.title");
      await alice.press("submit");
      const sent = await alice.press("consent.agree");
      expect(keys(mine(sent))[0]).toBe("provideInfo.done");
      expect(to(sent, "rita")[0]?.choices?.[0]?.id).toBe(`rv.ok.${reference}`);
      expect((await findUserRecord(harness.store, "console", "alice", "2026-11-23"))?.application).toMatchObject({
        reference,
        status: "submitted",
      });
    });

    it("withdraws a submitted application after confirmation; reviewers can no longer decide it", async () => {
      const { reference } = await submitIdCard("alice");
      const alice = harness.chat("alice");
      const status = await alice.text("/status");
      // In review the email and phone can still be changed (as the FAQ says); anything else only by withdrawing.
      expect(readable(status)).toContain("You can change the email and mobile number on your application now, with the buttons below.");
      expect(readable(status)).toContain(
        "Nothing else on a submitted application can be changed: to correct it, withdraw it and apply again.",
      );
      expect(keys(await alice.press("withdraw"))).toEqual(["withdraw.confirm"]);
      expect(keys(await alice.press("withdraw.cancel"))).toEqual(["menu.prompt"]);
      await alice.press("withdraw");
      const withdrawn = await alice.press("withdraw.confirm");
      expect(keys(mine(withdrawn))).toEqual(["withdraw.done", "menu.prompt"]);
      expect(readable(to(withdrawn, "rita"))).toContain("Withdrawn by the applicant on Mon 23 Nov, 10:00 UTC+8");
      expect(readable(await harness.chat("rob").press(`rv.ok.${reference}`))).toContain("it is withdrawn (the applicant,");
      expect(keys(await alice.press("start"))).toEqual(["ask.name"]); // a new application from scratch
    });

    it("refuses non-reviewers and one's own application, and audits both attempts", async () => {
      const { reference } = await submitIdCard("alice");
      expect(keys(await harness.chat("mallory").press(`rv.ok.${reference}`))).toEqual(["review.notReviewer"]);
      const rita = harness.chat("rita");
      await registerForIdCard(rita);
      await rita.text("11010519491231002X");
      await rita.file(photo);
      await rita.file(photo);
      await rita.press("submit");
      await rita.press("consent.agree");
      const own = (await findUserRecord(harness.store, "console", "rita", "2026-11-23"))!.application!.reference;
      expect(keys(await rita.press(`rv.ok.${own}`))).toEqual(["review.ownApplication"]);
      await rita.press(`rv.sd.${reference}`);
      const reviews = reviewStore(harness.store);
      expect((await reviews.auditTrail(reference))!.map((e) => [e.actor, e.reason])).toEqual([
        ["user:console:alice", null],
        ["user:console:mallory", "refused:not_reviewer"],
        ["reviewer:console:rita", "opened"],
      ]);
      expect((await reviews.auditTrail(own))!.map((e) => e.reason)).toEqual([null, "refused:own_application"]);
    });

    it("audits forged review buttons once per user per hour, however often they are pressed (issue 28 §10)", async () => {
      const { reference } = await submitIdCard("alice");
      const mallory = harness.chat("mallory");
      for (let press = 0; press < 50; press++) expect(keys(await mallory.press(`rv.ok.${reference}`))).toEqual(["review.notReviewer"]);
      const refusals = async () =>
        (await reviewStore(harness.store).auditTrail(reference))!.filter((e) => e.reason === "refused:not_reviewer").length;
      expect(await refusals()).toBe(1);
      harness.setNow(new Date(harness.now().getTime() + 61 * 60_000));
      await mallory.press(`rv.no.${reference}`);
      expect(await refusals()).toBe(2);
    });
  });
});

describe("languages in a reviewer's own chat", () => {
  it("a reviewer who never chose a language is told things in REVIEW_LOCALE, like the cards; /lang still rules", async () => {
    const harness = await createHarness({ defaultLocale: "zh-CN", reviewLocale: "en", reviewers: consoleReviewers(["rita", "rob"]) });
    try {
      const chat = harness.chat("alice");
      await registerForIdCard(chat);
      await chat.text("11010519491231002X");
      await chat.file(await minimalGoodJpeg());
      await chat.file(await minimalGoodJpeg(9));
      await chat.press("submit");
      const submitted = await chat.press("consent.agree");
      const card = submitted.find((reply) => reply.card);
      expect(readable([card!])).toContain("Application");
      const reference = card!.card!;
      expect(readable(await harness.chat("rita").press(`rv.op.${reference}`))).toContain(`Details of ${reference}`);
      await harness.chat("rob").text("/lang zh-CN");
      expect(readable(await harness.chat("rob").press(`rv.op.${reference}`))).toContain(`${reference} 的完整信息`);
    } finally {
      await harness.close();
    }
  });
});

import { afterEach, describe, expect, it } from "vitest";
import type { Reply } from "../../src/chat/reply.js";
import { DEFAULT_REVIEW_POLICY } from "../../src/domain/review-policy.js";
import { consoleReviewers } from "../../src/review/reviewers.js";
import { readConfig } from "../../src/runtime/config.js";
import { createHarness, type Harness, keys, readable, submitIdCardAs, submitWithPhone } from "../helpers/harness.js";
import { minimalGoodJpeg } from "../helpers/hostile-files.js";
import { TESTED_DIALECTS } from "../helpers/test-databases.js";

/** Issue 27 §1–§2: decide only what was seen, from the reasons that can be true of the application; see what changed. */
const choiceIds = (replies: Reply[]) => replies.flatMap((reply) => reply.choices?.map((c) => c.id) ?? []);
const APPLICANT = { name: "张三", email: "zhang.san@example.com", phone: "13812348000", idNumber: "11010519491231002X" };

describe.each(TESTED_DIALECTS)("on %s", (dialect) => {
  let harness: Harness;
  afterEach(() => harness.close());
  const status = async (reference: string) =>
    (await harness.rows<{ status: string }>("select status from applications where reference = ?", reference))[0]!.status;

  it("Approve is refused until the reviewer has opened the application, and again after it changed", async () => {
    harness = await createHarness({ dialect, reviewers: consoleReviewers(["rita"]), review: DEFAULT_REVIEW_POLICY });
    const { reference } = await submitIdCardAs(harness, "alice", APPLICANT);
    const rita = harness.chat("rita");

    const refused = await rita.press(`rv.ok.${reference}`);
    expect(keys(refused)).toEqual(["review.openFirst"]);
    expect(readable(refused)).toContain("Open it first: you haven't opened");
    expect(choiceIds(refused)).toEqual([`rv.op.${reference}`]);
    expect(await status(reference)).toBe("submitted");
    expect((await harness.auditOf(reference)).map((entry) => entry.reason)).toContain("refused:not_opened");

    // Opened, then asked for a new back photo; the applicant sends it: the application changed since.
    await rita.press(`rv.op.${reference}`);
    await rita.press(`rv.ig.${reference}.${1 << 5}`);
    await rita.press("rv.nn");
    const alice = harness.chat("alice");
    await alice.press("provideInfo");
    await alice.file(await minimalGoodJpeg(150));
    await alice.press("consent.agree");
    expect(await status(reference)).toBe("submitted");
    expect(keys(await rita.press(`rv.ok.${reference}`))).toEqual(["review.openFirst"]);
    // What changed is named on the card and, with the value before, in the private view (issue 27 §2).
    const changed = readable(await rita.press(`rv.op.${reference}`));
    expect(changed).toMatch(/✏️ Changed by the applicant on \w{3} \d+ \w{3}, \d\d:\d\d UTC\+8: new photo: ID card, back/);

    await rita.press(`rv.ok.${reference}`);
    expect(await status(reference)).toBe("approved");
  });

  it("information provided: the card names the changed answer, the private view its value before (issue 27 §2)", async () => {
    harness = await createHarness({ dialect, reviewers: consoleReviewers(["rita"]) });
    const { reference } = await submitIdCardAs(harness, "gail", APPLICANT);
    const rita = harness.chat("rita");
    await rita.press(`rv.ig.${reference}.${1 << 1}`); // the email
    await rita.press("rv.nn");
    const gail = harness.chat("gail");
    await gail.press("provideInfo");
    await gail.text("gail.new@example.com");
    const cards = await gail.press("consent.agree");
    const card = readable(cards.filter((reply) => reply.to?.chatId === "rita"));
    expect(card).toMatch(/Changed by the applicant on .*: Email$/m);
    expect(card).not.toContain("example.com");
    const opened = readable(await rita.press(`rv.op.${reference}`));
    expect(opened).toContain("Before: Email: zhang.san@example.com");
    expect(opened).toContain("Email: gail.new@example.com");
  });

  it("rejecting needs no opening: a card's facts (a duplicate) can justify it", async () => {
    harness = await createHarness({ dialect, reviewers: consoleReviewers(["rita"]), review: DEFAULT_REVIEW_POLICY });
    const reference = await submitWithPhone(harness, "bob");
    await harness.chat("rita").send({ kind: "form", form: `rv.nf.${reference}`, selected: [0], note: "" });
    expect(await status(reference)).toBe("rejected");
  });

  it("REQUIRE_OPEN_BEFORE_APPROVAL=false, or details shown in the room: Approve works at once", async () => {
    harness = await createHarness({
      dialect,
      reviewers: consoleReviewers(["rita"]),
      review: { ...DEFAULT_REVIEW_POLICY, requireOpenBeforeApproval: false },
    });
    const first = await submitWithPhone(harness, "carol");
    await harness.chat("rita").press(`rv.ok.${first}`);
    expect(await status(first)).toBe("approved");
    await harness.close();

    harness = await createHarness({ dialect, reviewers: consoleReviewers(["rita"], "room"), review: DEFAULT_REVIEW_POLICY });
    const second = await submitWithPhone(harness, "dan");
    await harness.chat("rita").press(`rv.ok.${second}`);
    expect(await status(second)).toBe("approved");

    expect(readConfig({}).requireOpenBeforeApproval).toBe(true);
    expect(readConfig({ REQUIRE_OPEN_BEFORE_APPROVAL: "false" }).requireOpenBeforeApproval).toBe(false);
    expect(() => readConfig({ REQUIRE_OPEN_BEFORE_APPROVAL: "no" })).toThrow(/REQUIRE_OPEN_BEFORE_APPROVAL/);
  });
});

describe("reject reasons offered", () => {
  let harness: Harness;
  afterEach(() => harness.close());

  it("are those that can be true of the application's method: none about photos for the phone method", async () => {
    harness = await createHarness({ reviewers: consoleReviewers(["rita"]) });
    const phone = await submitWithPhone(harness, "erin");
    const picker = await harness.chat("rita").press(`rv.no.${phone}`);
    const labels = readable(picker);
    expect(labels).toContain("Details don't match");
    expect(labels).not.toMatch(/ID card|photo|document was/i);
    // A form submitted from those options rejects for the option picked, not the catalogue's n-th reason.
    expect(picker[0]!.form!.options).toHaveLength(3);
    await harness.chat("rita").send({ kind: "form", form: `rv.nf.${phone}`, selected: [1], note: "" });
    expect((await harness.auditOf(phone)).at(-1)!.reason).toBe("false_information");

    const { reference } = await submitIdCardAs(harness, "finn", APPLICANT);
    expect(readable(await harness.chat("rita").press(`rv.no.${reference}`))).toMatch(/ID card side missing/);
  });
});

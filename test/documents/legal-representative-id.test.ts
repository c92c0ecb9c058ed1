import pino from "pino";
import sharp from "sharp";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { exportUserData } from "../../src/applications/privacy-rights.js";
import { findUserRecord } from "../../src/applications/user-records.js";
import { createDocumentReader, type DocumentReader } from "../../src/documents/document-reader.js";
import { idCardCheckCharacter } from "../../src/domain/id-card.js";
import { privateDetails } from "../../src/review/review-card.js";
import { randomIdNumber, randomUscc, renderCard, seeded } from "../helpers/document-cards.js";
import { createHarness, type Harness, keys, readable } from "../helpers/harness.js";
import { minimalGoodJpeg } from "../helpers/hostile-files.js";

/**
 * Issue 26 §4. The seeds: enterprises provide "相关的工商注册信息和法人身份证明" — the legal
 * representative's identity proof. Both sides of the representative's ID card are asked after
 * their name and number, checked like the applicant's own, read, and compared with the typed number.
 */
let reader: DocumentReader;
let harness: Harness;
beforeAll(() => {
  reader = createDocumentReader(1, pino({ level: "silent" }));
});
afterAll(() => reader.close());
afterEach(() => harness.close());

const STEADY = { rotation: 2, blur: 0, jpegQuality: 88 };
const IN_TIME = 60_000;

/** A valid specimen number and one that differs from it in its last four characters. */
function numbers(seed: number): { printed: string; typo: string } {
  const printed = randomIdNumber(seeded(seed));
  const first17 = printed.slice(0, 14) + String((Number(printed.slice(14, 17)) + 1) % 1000).padStart(3, "0");
  return { printed, typo: first17 + idCardCheckCharacter(first17) };
}

/** An enterprise applicant who has typed the legal representative's name and `legalRepId`. */
async function atRepresentativePhotos(legalRepId: string, withReader = true) {
  harness = await createHarness(withReader ? { readDocument: reader.read, readWaitMs: IN_TIME } : {});
  const chat = harness.chat("acme");
  await chat.press("start");
  for (const answer of ["张三", "zhang.san@example.com", "13812348000"]) await chat.text(answer);
  await chat.press("method.enterprise");
  await chat.text("测试样例科技有限公司");
  await chat.text(randomUscc(seeded(32)));
  await chat.file(await minimalGoodJpeg(20));
  await chat.text("李四");
  expect(keys(await chat.text(legalRepId))).toEqual(["ask.legalRepFront"]);
  return chat;
}

describe("the legal representative's ID card", () => {
  it("is asked side by side after the number (the representative need not be the applicant), checked, summarised, submitted", async () => {
    const chat = await atRepresentativePhotos(numbers(1).printed, false);
    const front = await chat.text("why do you need this");
    expect(keys(front)).toContain("ask.legalRepFront");
    expect(readable(await chat.text("hello")).toLowerCase()).toContain("need not be you");
    // Refused like the applicant's own photos: too small.
    const small = await chat.file(
      await sharp({ create: { width: 200, height: 150, channels: 3, background: "#963" } })
        .jpeg()
        .toBuffer(),
    );
    expect([keys(small)[0], keys(small).at(-1)]).toEqual(["document.rejected", "ask.legalRepFront"]);
    expect(keys(await chat.file(await minimalGoodJpeg(120)))).toEqual(["document.received", "ask.legalRepBack"]);
    const summary = await chat.file(await minimalGoodJpeg(220));
    expect(readable(summary)).toContain("Legal representative's ID card, front: photo received");
    expect(readable(summary)).toContain("Legal representative's ID card, back: photo received");
    expect(readable(summary)).toContain("the legal representative's name, ID number and ID card photos");
    expect(keys(await chat.press("consent.agree"))[0]).toBe("submitted.done");

    // Reviewers see both sides in the private view, labelled; the export holds them.
    const record = await findUserRecord(harness.store, "console", "acme", "2099-12-31");
    const reference = record!.application!.reference;
    const application = (await harness.store.transaction((tx) => tx.loadApplication(reference)))!;
    const labels = privateDetails(application, "Asia/Shanghai").attachments!.map((attachment) => attachment.fileName);
    expect(labels).toEqual([`${reference}-licence.jpg`, `${reference}-legalRepFront.jpg`, `${reference}-legalRepBack.jpg`]);
    const exported = await harness.store.transaction(async (tx) =>
      exportUserData(tx, harness.documents, application.userId, harness.now()),
    );
    const ids = Object.values(application.draft.documents).map((document) => document.id);
    expect(exported.documentFiles.map((file) => file.id).sort()).toEqual([...ids].sort());

    // Erased with the rest: withdrawn, then Delete my data.
    await chat.press("withdraw");
    await chat.press("withdraw.confirm");
    await chat.press("privacy.erase");
    expect(keys(await chat.text(harness.lastCode()))).toEqual(["privacy.erase.confirm"]); // the proof code (issue 28 §15)
    expect(keys(await chat.press("privacy.erase.confirm"))).toContain("privacy.erased");
    for (const id of ids) await expect(harness.documents.get(id)).rejects.toThrow();
  });

  it("a number on the photo that differs from the typed one: said, with Fix the number, which settles it", async () => {
    const { printed, typo } = numbers(51);
    const chat = await atRepresentativePhotos(typo);
    const replies = await chat.file((await renderCard("portrait", 1, STEADY, { idNumber: printed })).bytes);
    const sameEnd = printed.slice(-4) === typo.slice(-4);
    expect(keys(replies)).toEqual(["document.received", sameEnd ? "read.numberDiffersBefore" : "read.numberDiffers"]);
    expect(readable(replies)).toContain("The legal representative's ID number on the photo");
    expect(replies.at(-1)!.choices!.map((c) => c.id)).toEqual([
      "photo.fix.legal_rep_front",
      "photo.retake.legal_rep_front",
      "photo.keep.legal_rep_front",
    ]);
    expect(keys(await chat.press("photo.fix.legal_rep_front"))).toEqual(["ask.legalRepId", "ask.currentValue"]);
    expect(keys(await chat.text(printed))).toEqual(["read.matchesNow", "ask.legalRepBack"]);
  }, 120_000);

  it("the emblem side sent for the front is named as the wrong side, for the representative's card", async () => {
    const chat = await atRepresentativePhotos(numbers(2).printed);
    const replies = await chat.file((await renderCard("emblem", 1, STEADY)).bytes);
    expect(keys(replies)).toEqual(["document.received", "read.wrongSide.legalRep.portrait"]);
    expect(readable(replies)).toContain("portrait side of the legal representative's ID card");
  }, 120_000);

  it("the reviewer card tells whether the number on the representative's card matches the typed one", async () => {
    const { printed } = numbers(3);
    const chat = await atRepresentativePhotos(printed);
    await chat.file((await renderCard("portrait", 1, STEADY, { idNumber: printed })).bytes);
    await chat.file((await renderCard("emblem", 1, STEADY)).bytes);
    await chat.press("consent.agree");
    const record = await findUserRecord(harness.store, "console", "acme", "2099-12-31");
    const application = (await harness.store.transaction((tx) => tx.loadApplication(record!.application!.reference)))!;
    expect(readable([{ locale: "en", ...privateDetails(application, "Asia/Shanghai") }])).toContain(
      "Legal representative's ID card check: the ID number on the photo matches the typed one",
    );
  }, 120_000);
});

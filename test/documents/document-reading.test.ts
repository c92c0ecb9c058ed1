import pino from "pino";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { findUserRecord } from "../../src/applications/user-records.js";
import type { Reply } from "../../src/chat/reply.js";
import { createDocumentReader, type DocumentReader } from "../../src/documents/document-reader.js";
import { idCardCheckCharacter } from "../../src/domain/id-card.js";
import { privateDetails } from "../../src/review/review-card.js";
import { consoleReviewers } from "../../src/review/reviewers.js";
import { type CardKind, randomIdNumber, randomUscc, renderCard, seeded } from "../helpers/document-cards.js";
import { createHarness, type Harness, keys, readable, registerForIdCard, restartHarness } from "../helpers/harness.js";
import { heldBack } from "../helpers/held-reader.js";
import { minimalGoodJpeg } from "../helpers/hostile-files.js";

/**
 * The conversation around a photo's read (OCR), through the engine with the real reader: what
 * the user is told when the photo's number or side disagrees with the answers, each button under
 * it, a read that arrives after the reply, and what reviewers see.
 */
let reader: DocumentReader;
let harness: Harness;
beforeAll(() => {
  reader = createDocumentReader(1, pino({ level: "silent" }));
});
afterAll(() => reader.close());
afterEach(() => harness.close());

/** A specimen number and another that differs from it only in its last four characters (both valid). */
function numbers(seed: number): { printed: string; typo: string } {
  const printed = randomIdNumber(seeded(seed));
  const sequence = (Number(printed.slice(14, 17)) + 1) % 1000;
  const first17 = printed.slice(0, 14) + String(sequence).padStart(3, "0");
  return { printed, typo: first17 + idCardCheckCharacter(first17) };
}

function numbersDiffering(a: string, b: string): string {
  return [...a].flatMap((character, i) => (character === b[i] ? [] : [String(i + 1)])).join(", ");
}

const STEADY = { rotation: 2, blur: 0, jpegQuality: 88 };
/** Seed 2's licence is printed in a weight the reader gets right; how often it does overall is the accuracy test's. */
const card = async (kind: CardKind, printed: { idNumber?: string; uscc?: string } = {}) =>
  (await renderCard(kind, kind === "licence" ? 2 : 1, STEADY, printed)).bytes;

/** Reads are waited for (a busy test machine reads slower than 2 s): the follow-up path has tests of its own. */
const IN_TIME = 60_000;

async function atFrontPhoto(typed: string, options: Parameters<typeof createHarness>[0] = {}) {
  harness = await createHarness({ readDocument: reader.read, readWaitMs: IN_TIME, ...options });
  const chat = harness.chat("alice");
  await registerForIdCard(chat);
  await chat.text(typed);
  return chat;
}

async function loadDraft(user = "alice") {
  return harness.store.transaction(async (tx) => {
    const { user: found } = await tx.openChat({ platform: "console", chatId: user, platformUserId: user }, "en", new Date());
    return (await tx.loadDraft(found.id))!;
  });
}

describe("reading the ID number on the portrait side", () => {
  it("says nothing more when the photo's number is the typed one", async () => {
    const { printed } = numbers(11);
    const chat = await atFrontPhoto(printed);
    expect(keys(await chat.file(await card("portrait", { idNumber: printed })))).toEqual(["document.received", "ask.idBack"]);
    const draft = await loadDraft();
    expect(draft.photoReads?.id_front).toMatchObject({ side: "portrait", idNumber: printed, documentId: draft.documents.id_front!.id });
  });

  it("tells which characters differ, masked, with the three buttons; the step waits", async () => {
    const { printed, typo } = numbers(12);
    const chat = await atFrontPhoto(typo);
    const replies = await chat.file(await card("portrait", { idNumber: printed }));
    expect(keys(replies)).toEqual(["document.received", "read.numberDiffers"]);
    const text = readable(replies);
    const count = numbersDiffering(printed, typo).split(", ").length;
    expect(text).toContain(
      `The ID number on the photo ends …${printed.slice(-4)}; you typed …${typo.slice(-4)} (${count} of 18 characters differ).`,
    );
    expect(text).toContain("[Fix the number] [Send another photo] [The number I typed is right]");
    // Nothing of the number beyond the last four characters is repeated in the chat.
    expect(text).not.toContain(printed.slice(0, 14));
    expect(replies.at(-1)!.choices!.map((choice) => choice.id)).toEqual([
      "photo.fix.id_front",
      "photo.retake.id_front",
      "photo.keep.id_front",
    ]);
    // Operators see reads and findings on /metrics.
    const { body } = await harness.prometheus.scrape();
    expect(body).toContain('verification_document_read_findings_total{finding="number_differs"} 1');
    expect(body).toContain('verification_document_read_seconds_count{outcome="in_time"} 1');
  });

  it("The number I typed is right: noted for reviewers, and the flow goes on; the buttons are then stale", async () => {
    const { printed, typo } = numbers(13);
    const chat = await atFrontPhoto(typo);
    await chat.file(await card("portrait", { idNumber: printed }));
    expect(keys(await chat.press("photo.keep.id_front"))).toEqual(["read.keptTyped", "ask.idBack"]);
    expect((await loadDraft()).photoReads?.id_front?.typedConfirmed).toBe(true);
    expect(keys(await chat.press("photo.fix.id_front"))).toEqual(["input.staleChoice", "ask.idBack"]);
  });

  it("Fix the number: asks for it again; typing the photo's number settles it", async () => {
    const { printed, typo } = numbers(14);
    const chat = await atFrontPhoto(typo);
    await chat.file(await card("portrait", { idNumber: printed }));
    expect(keys(await chat.press("photo.fix.id_front"))).toEqual(["ask.idNumber", "ask.currentValue"]);
    expect(keys(await chat.text(printed))).toEqual(["read.matchesNow", "ask.idBack"]);
    expect((await loadDraft()).idNumber).toBe(printed);
  });

  it("Fix the number works when reviewers asked only for the photo: the new number reaches the application", async () => {
    const { printed, typo } = numbers(18);
    const chat = await atFrontPhoto(printed, { reviewers: consoleReviewers(["rita"]) });
    await chat.file(await card("portrait", { idNumber: printed }));
    await chat.file(await card("emblem"));
    await chat.press("consent.agree");
    const reference = (await findUserRecord(harness.store, "console", "alice", "2099-12-31"))!.application!.reference;
    // The ID-card method's requestable items are name, email, phone, idNumber, idFront, idBack: bit 4 is the portrait side.
    await harness.chat("rita").press(`rv.ig.${reference}.${1 << 4}`);
    await harness.chat("rita").press("rv.nn");
    expect(keys(await chat.press("provideInfo"))).toEqual(["provideInfo.started", "ask.idFront"]);
    expect(keys(await chat.file(await card("portrait", { idNumber: typo })))).toEqual(["document.received", "read.numberDiffers"]);
    expect(keys(await chat.press("photo.fix.id_front"))).toEqual(["ask.idNumber", "ask.currentValue"]);
    expect(keys(await chat.text(typo))).toContain("read.matchesNow");
    expect(keys(await chat.press("consent.agree"))).toContain("provideInfo.done");
    const application = (await harness.store.transaction((tx) => tx.loadApplication(reference)))!;
    expect(application.draft.idNumber).toBe(typo);
  });

  it("Send another photo: asks for the photo again; a matching one goes on", async () => {
    const { printed, typo } = numbers(15);
    const chat = await atFrontPhoto(typo);
    await chat.file(await card("portrait", { idNumber: printed }));
    expect(keys(await chat.press("photo.retake.id_front"))).toEqual(["ask.idFront", "ask.currentDocument"]);
    expect(keys(await chat.file(await card("portrait", { idNumber: typo })))).toEqual(["document.received", "ask.idBack"]);
  });

  it("tells it in Chinese to a Chinese user", async () => {
    const { printed, typo } = numbers(17);
    const chat = await atFrontPhoto(typo, { defaultLocale: "zh-CN" });
    const text = readable(await chat.file(await card("portrait", { idNumber: printed })));
    expect(text).toContain(
      `照片上的身份证号码末尾是 …${printed.slice(-4)}，您输入的是 …${typo.slice(-4)}（18 位中有 ${numbersDiffering(printed, typo).split(", ").length} 位不同）。`,
    );
    expect(text).toContain("[修改号码] [重新发送照片] [我输入的号码是对的]");
  });

  it("a photo with no document on it reads as nothing, and nothing is said", async () => {
    const chat = await atFrontPhoto(numbers(16).printed);
    expect(keys(await chat.file(await minimalGoodJpeg(5)))).toEqual(["document.received", "ask.idBack"]);
    expect((await loadDraft()).photoReads?.id_front).toMatchObject({ side: "unknown", idNumber: null });
  });
});

describe("the side of the card", () => {
  it("the emblem side sent for the portrait side: says so and asks for the right side", async () => {
    const chat = await atFrontPhoto(numbers(21).printed);
    const replies = await chat.file(await card("emblem"));
    expect(keys(replies)).toEqual(["document.received", "read.wrongSide.portrait"]);
    expect(readable(replies)).toContain("[Send another photo] [Keep this photo]");
    expect(keys(await chat.press("photo.retake.id_front"))).toEqual(["ask.idFront", "ask.currentDocument"]);
  });

  it("the portrait side sent for the emblem side: says so; Keep this photo goes on", async () => {
    const { printed } = numbers(22);
    const chat = await atFrontPhoto(printed);
    await chat.file(await card("portrait", { idNumber: printed }));
    const replies = await chat.file(await card("portrait", { idNumber: printed }));
    expect(keys(replies)).toEqual(["document.received", "read.wrongSide.emblem"]);
    const kept = await chat.press("photo.keep.id_back");
    expect(keys(kept)[0]).toBe("read.keptPhoto");
    expect(readable(kept)).toContain("[Submit (I agree)]");
  });
});

describe("the business licence", () => {
  it("a credit code that differs from the typed one: told, and Fix the number asks for the code again", async () => {
    harness = await createHarness({ readDocument: reader.read, readWaitMs: IN_TIME });
    const chat = harness.chat("carol");
    const printed = randomUscc(seeded(31));
    const typed = randomUscc(seeded(32));
    await chat.press("start");
    for (const answer of ["张三", "zhang.san@example.com", "13812348000"]) await chat.text(answer);
    await chat.press("method.enterprise");
    await chat.text("测试样例科技有限公司");
    await chat.text(typed);
    const replies = await chat.file(await card("licence", { uscc: printed }));
    const sameEnd = printed.slice(-4) === typed.slice(-4);
    expect(keys(replies)).toEqual(["document.received", sameEnd ? "read.numberDiffersBefore" : "read.numberDiffers"]);
    expect(readable(replies)).toContain(
      sameEnd ? "The unified social credit code on the photo is not the one you typed" : "The unified social credit code on the photo ends",
    );
    expect(keys(await chat.press("photo.fix.licence"))).toEqual(["ask.uscc", "ask.currentValue"]);
    expect(keys(await chat.text(printed))).toEqual(["read.matchesNow", "ask.legalRepName"]);
  });
});

describe("a read slower than the reply", () => {
  /** At the front photo with the reader held back (released by the test), follow-ups collected. */
  async function withLateReads(seed: number, nextEventReadWaitMs = 100) {
    const held = heldBack(reader.read);
    const { printed, typo } = numbers(seed);
    const chat = await atFrontPhoto(typo, { readDocument: held.read, readWaitMs: 50, nextEventReadWaitMs });
    const followUps: Reply[] = [];
    harness.engine.sendFollowUpsWith(async (reply) => void followUps.push(reply));
    return { held, printed, chat, followUps };
  }

  it("the photo is acknowledged at once; the finding follows as its own message, naming the photo", async () => {
    const { held, printed, chat, followUps } = await withLateReads(41);
    expect(keys(await chat.file(await card("portrait", { idNumber: printed })))).toEqual(["document.received", "ask.idBack"]);
    held.release();
    await harness.engine.followUpsSettled();
    expect(keys(followUps)).toEqual(["read.aboutPhoto", "read.numberDiffers"]);
    expect((await harness.prometheus.scrape()).body).toContain('verification_document_read_seconds_count{outcome="late"} 1');
    expect(followUps[0]!.to).toEqual({ platform: "console", chatId: "alice" });
    expect(readable(followUps)).toContain("About the photo of the portrait side of your ID card you sent a moment ago:");
    // The user moved on to the emblem side meanwhile: settling the finding brings them back there.
    expect(keys(await chat.press("photo.keep.id_front"))).toEqual(["read.keptTyped", "ask.idBack"]);
  });

  it("the next message waits for a read still running: its finding comes before the summary offers Submit", async () => {
    const { held, printed, chat, followUps } = await withLateReads(45, 60_000);
    await chat.file(await card("portrait", { idNumber: printed }));
    const back = chat.file(await card("emblem"));
    setTimeout(held.release, 300);
    const backReplies = await back;
    expect(keys(followUps)).toEqual(["read.aboutPhoto", "read.numberDiffers"]);
    expect(keys(backReplies)).toContain("document.received");
  });

  it("a read not done within the wait: the summary says the photo is still being checked, and the finding follows", async () => {
    const { held, printed, chat, followUps } = await withLateReads(46);
    await chat.file(await card("portrait", { idNumber: printed }));
    const summary = await chat.file(await card("emblem"));
    expect(keys(summary)).toContain("summary.title");
    expect(readable(summary)).toContain(
      "Still being checked: the photo of the portrait side of your ID card, emblem side of your ID card.",
    );
    held.release();
    await harness.engine.followUpsSettled();
    expect(keys(followUps)).toEqual(["read.aboutPhoto", "read.numberDiffers"]);
  });

  it("a follow-up the platform refuses is tried again (it has no update to be redelivered with)", async () => {
    const { held, printed, chat, followUps } = await withLateReads(44);
    let refusals = 0;
    harness.engine.sendFollowUpsWith(async (reply) => {
      if (refusals++ === 0) throw new Error("platform unavailable");
      followUps.push(reply);
    });
    await chat.file(await card("portrait", { idNumber: printed }));
    held.release();
    await harness.engine.followUpsSettled();
    expect(refusals).toBe(2);
    expect(keys(followUps)).toEqual(["read.aboutPhoto", "read.numberDiffers"]);
  });

  it("says nothing when the photo was replaced before its read finished", async () => {
    const { held, printed, chat, followUps } = await withLateReads(42);
    await chat.file(await card("portrait", { idNumber: printed }));
    await chat.send({ kind: "command", command: "back", args: "" });
    await chat.file(await minimalGoodJpeg(9));
    held.release();
    await harness.engine.followUpsSettled();
    expect(followUps).toEqual([]);
  });

  it("a read lost to a restart is done again at the user's next message, and followed up", async () => {
    const { printed, typo } = numbers(43);
    const never = heldBack(reader.read); // this instance dies before reading
    const chat = await atFrontPhoto(typo, { readDocument: never.read, readWaitMs: 50 });
    expect(keys(await chat.file(await card("portrait", { idNumber: printed })))).toEqual(["document.received", "ask.idBack"]);
    await harness.close(false);
    harness = await restartHarness(harness, { readDocument: reader.read, readWaitMs: IN_TIME });
    const followUps: Reply[] = [];
    harness.engine.sendFollowUpsWith(async (reply) => void followUps.push(reply));
    expect(keys(await harness.chat("alice").send({ kind: "command", command: "status", args: "" }))).not.toContain("read.numberDiffers");
    await harness.engine.followUpsSettled();
    expect(keys(followUps)).toEqual(["read.aboutPhoto", "read.numberDiffers"]);
    // Read once per process: the next message does not read it again.
    await harness.chat("alice").send({ kind: "command", command: "status", args: "" });
    await harness.engine.followUpsSettled();
    expect(followUps).toHaveLength(1);
  });
});

describe("what reviewers see", () => {
  it("the details say whether the photo's number matched, and that the user stood by a different one", async () => {
    const { printed, typo } = numbers(51);
    const chat = await atFrontPhoto(typo);
    await chat.file(await card("portrait", { idNumber: printed }));
    await chat.press("photo.keep.id_front");
    await chat.file(await card("emblem"));
    await chat.press("submit");
    await chat.press("consent.agree");
    const reference = (await findUserRecord(harness.store, "console", "alice", "2099-12-31"))!.application!.reference;
    const application = (await harness.store.transaction((tx) => tx.loadApplication(reference)))!;
    const text = readable([{ locale: "en", ...privateDetails(application, "Asia/Shanghai") }]);
    expect(text).toContain("Photo check: the number on the photo differs; the applicant confirmed the typed one");
    expect(text).toContain("Side read on ID card, front: portrait side");
    expect(text).toContain("Side read on ID card, back: emblem side");
  });
});

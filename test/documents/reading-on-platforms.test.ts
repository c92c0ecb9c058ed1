import pino from "pino";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { Outbound } from "../../src/chat/outbound.js";
import { createDocumentReader, type DocumentReader } from "../../src/documents/document-reader.js";
import { idCardCheckCharacter } from "../../src/domain/id-card.js";
import { randomUscc, renderCard, seeded } from "../helpers/document-cards.js";
import { createHarness, type Harness } from "../helpers/harness.js";
import { heldBack } from "../helpers/held-reader.js";
import { createSlackHarness, type SlackHarness, slackReviewers, until } from "../helpers/slack-harness.js";
import { createTelegramHarness, type TelegramHarness, telegramReviewers } from "../helpers/telegram-harness.js";

/**
 * A photo's read told on the platforms, through their SDKs against the fake APIs: the finding with
 * its buttons, a button pressed, and a read that follows the photo's reply as its own message.
 */
let reader: DocumentReader;
beforeAll(() => {
  reader = createDocumentReader(1, pino({ level: "silent" }));
});
afterAll(() => reader.close());

const TYPED = "11010519491231002X"; // the number the platform harnesses type
/** The typed number with another sequence: differs from it in its last four characters only. */
const PRINTED = (() => {
  const first17 = `${TYPED.slice(0, 14)}003`;
  return first17 + idCardCheckCharacter(first17);
})();
const portrait = async () => (await renderCard("portrait", 1, { rotation: -3, blur: 0, jpegQuality: 88 }, { idNumber: PRINTED })).bytes;

let harness: Harness;

describe("on Telegram", () => {
  let t: TelegramHarness;
  const ALICE = 5001;
  afterEach(async () => {
    await t.close();
    await harness.close();
  });

  async function telegramWith(options: Parameters<typeof createHarness>[0]) {
    const reviewers = telegramReviewers();
    const outbound = new Outbound(pino({ level: "silent" }));
    // Reads are waited for (a busy test machine reads slower than 2 s), unless a test says otherwise.
    harness = await createHarness({ reviewers, readDocument: reader.read, readWaitMs: 60_000, ...options });
    // As `npm start` does: a late read's finding goes out through the platform's adapter.
    harness.engine.sendFollowUpsWith((reply) => outbound.send(reply));
    t = await createTelegramHarness({ harness, reviewers, outbound });
    await t.reachIdCardPhotos(ALICE);
    t.api.addFile("card", await portrait());
  }

  it("the number on the photo differs: told with three buttons; The number I typed is right asks for the back", async () => {
    await telegramWith({});
    await t.document(ALICE, "card");
    const finding = t.lastTo(ALICE);
    expect(finding.text).toContain(`on the photo ends …${PRINTED.slice(-4)}; you typed …${TYPED.slice(-4)} (`);
    expect(finding.buttons).toEqual(["photo.fix.id_front", "photo.retake.id_front", "photo.keep.id_front"]);
    await t.press(ALICE, "photo.keep.id_front");
    expect(t.api.textsTo(ALICE).at(-2)).toContain("reviewers will see that you confirmed the ID number you typed");
    expect(t.lastTo(ALICE).text).toMatch(/BACK of your ID card/);
  });

  it("a read slower than the reply follows as its own message, with the buttons", async () => {
    const held = heldBack(reader.read);
    await telegramWith({ readDocument: held.read, readWaitMs: 20 });
    await t.document(ALICE, "card");
    expect(t.lastTo(ALICE).text).toMatch(/BACK of your ID card/);
    held.release();
    await harness.engine.followUpsSettled();
    const followUp = t.lastTo(ALICE);
    expect(followUp.text).toContain("About the photo of the portrait side of your ID card you sent a moment ago:");
    expect(followUp.buttons).toEqual(["photo.fix.id_front", "photo.retake.id_front", "photo.keep.id_front"]);
    await t.press(ALICE, "photo.fix.id_front");
    expect(t.lastTo(ALICE).text).toMatch(/ID number/);
  });
});

describe("on Slack", () => {
  let s: SlackHarness;
  const ALICE = "UREADER";
  afterEach(async () => {
    await s.close();
    await harness.close();
  });

  it("a licence whose credit code differs from the typed one: told with the buttons; Send another photo asks for it again", async () => {
    const reviewers = slackReviewers();
    harness = await createHarness({ reviewers, readDocument: reader.read, readWaitMs: 60_000 });
    s = await createSlackHarness({ harness, reviewers, outbound: new Outbound(pino({ level: "silent" })) });
    const printed = randomUscc(seeded(61));
    const typed = randomUscc(seeded(62));
    const last = () => s.api.postedTo(ALICE).at(-1) ?? { text: "", buttons: [] as string[] };
    const step = async (action: () => Promise<unknown>, reply: RegExp) => {
      const before = s.api.postedTo(ALICE).length;
      await action();
      await until(
        () =>
          s.api
            .postedTo(ALICE)
            .slice(before)
            .some((message) => reply.test(message.text)),
        `a reply matching ${reply}`,
      );
    };
    await step(() => s.dm(ALICE, "hi"), /What would you like to do/);
    await step(() => s.press(ALICE, "start"), /full name/);
    await step(() => s.dm(ALICE, "Zhang San"), /email/);
    await step(() => s.dm(ALICE, "zhang.san@example.com"), /mobile phone/);
    await step(() => s.dm(ALICE, "13812348000"), /verification method/);
    await step(() => s.press(ALICE, "method.enterprise"), /company/i);
    await step(() => s.dm(ALICE, "测试样例科技有限公司"), /social credit code/i);
    await step(() => s.dm(ALICE, typed), /licence/i);
    s.api.addFile("FCARD", (await renderCard("licence", 2, { rotation: 3, blur: 0, jpegQuality: 88 }, { uscc: printed })).bytes);
    await step(
      () => s.shareFile(ALICE, "FCARD"),
      /unified social credit code on the photo (ends …\w{4}; you typed|is not the one you typed)/,
    );
    expect(last().buttons).toEqual(["photo.fix.licence", "photo.retake.licence", "photo.keep.licence"]);
    await step(() => s.press(ALICE, "photo.retake.licence"), /Send a photo of the business licence/);
  });
});

import sharp from "sharp";
import { afterEach, describe, expect, it } from "vitest";
import { findUserRecord } from "../../src/applications/user-records.js";
import { privateDetails, reviewCard } from "../../src/review/review-card.js";
import { createHarness, type Harness, keys, readable, registerForIdCard } from "../helpers/harness.js";
import { minimalGoodJpeg } from "../helpers/hostile-files.js";

/**
 * A black-and-white photo or a photocopy is accepted with advice (the seeds ask for "身份证复印件" and say a
 * colour photo "更能提高通过率"): the user chooses to send a colour photo or keep this one; reviewers see it flagged.
 */
let harness: Harness;
afterEach(() => harness.close());

const greyscale = async (seed: number) =>
  sharp(await minimalGoodJpeg(seed))
    .greyscale()
    .jpeg()
    .toBuffer();

async function atFrontPhoto(locale: "en" | "zh-CN" = "en") {
  harness = await createHarness({ defaultLocale: locale });
  const chat = harness.chat("alice");
  await registerForIdCard(chat);
  await chat.text("11010519491231002X");
  return chat;
}

describe("a black-and-white photo", () => {
  it("is received with advice and two buttons; the step waits until the user chooses", async () => {
    const chat = await atFrontPhoto();
    const replies = await chat.file(await greyscale(3));
    expect(keys(replies)).toEqual(["document.received", "document.greyscale"]);
    expect(readable(replies)).toContain("a colour photo of the original is more likely to pass");
    expect(readable(replies)).toContain("[Send a colour photo] [Keep this one]");
    expect(keys(await chat.text("hello?"))).not.toContain("ask.idBack");
  });

  it("Send a colour photo: asks again, and a colour photo goes on", async () => {
    const chat = await atFrontPhoto();
    await chat.file(await greyscale(4));
    expect(keys(await chat.press("photo.retake.id_front"))[0]).toBe("ask.idFront");
    expect(keys(await chat.file(await minimalGoodJpeg(5)))).toEqual(["document.received", "ask.idBack"]);
  });

  it("Keep this one: goes on; the card and the private view flag it for reviewers", async () => {
    const chat = await atFrontPhoto();
    await chat.file(await greyscale(6));
    expect(keys(await chat.press("photo.keep.id_front"))).toEqual(["document.greyscale.kept", "ask.idBack"]);
    await chat.file(await minimalGoodJpeg(7));
    await chat.press("consent.agree");
    const reference = (await findUserRecord(harness.store, "console", "alice", "2099-12-31"))!.application!.reference;
    const application = (await harness.store.transaction((tx) => tx.loadApplication(reference)))!;
    const flag = "⚠️ ID card, front: black-and-white photo (a copy?); the applicant kept it rather than send a colour one";
    expect(readable([{ locale: "en", ...privateDetails(application, "Asia/Shanghai") }])).toContain(flag);
    expect(readable([{ locale: "en", ...reviewCard(application, "private", new Date(), "Asia/Shanghai") }])).toContain(flag);
    expect(readable([{ locale: "en", ...reviewCard(application, "room", new Date(), "Asia/Shanghai") }]).split(flag)).toHaveLength(2);
  });

  it("says it in Chinese to a Chinese user", async () => {
    const chat = await atFrontPhoto("zh-CN");
    const text = readable(await chat.file(await greyscale(8)));
    expect(text).toContain("证件原件的彩色照片更能提高通过率");
    expect(text).toContain("[发送彩色照片] [就用这张]");
  });
});

import sharp from "sharp";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHarness, type Harness, keys, readable, registerForIdCard } from "../helpers/harness.js";
import { jpegWithGps, minimalGoodJpeg } from "../helpers/hostile-files.js";

let harness: Harness;
beforeEach(async () => {
  harness = await createHarness();
});
afterEach(() => harness.close());

async function toFrontPhoto(chat: ReturnType<Harness["chat"]>) {
  await registerForIdCard(chat);
  return chat.text("11010519491231002X");
}

describe("document photos in the conversation", () => {
  it("explains every problem of a failed photo and asks for that photo again", async () => {
    const chat = harness.chat("alice");
    await toFrontPhoto(chat);
    const blurredSmall = await sharp(await minimalGoodJpeg())
      .resize(400)
      .blur(5)
      .jpeg()
      .toBuffer();
    const replies = await chat.file(blurredSmall);
    expect(keys(replies)).toEqual(["document.rejected", "document.problemLine", "document.problemLine", "ask.idFront"]);
    const text = readable(replies);
    expect(text).toContain("only 400×375 pixels; the shorter side must be at least 600");
    expect(text).toContain("It is blurry. Hold the phone steady");
    expect(keys(await chat.file(await minimalGoodJpeg()))).toEqual(["document.received", "ask.idBack"]);
  });

  it("stores only the re-encoded copy (no EXIF or GPS) and its preview, never the upload as received", async () => {
    const chat = harness.chat("bob");
    await toFrontPhoto(chat);
    const upload = await jpegWithGps();
    const replies = await chat.file(upload);
    expect(keys(replies)).toEqual(["document.received", "ask.idBack"]);

    const { draft, bobId } = await harness.store.transaction(async (tx) => {
      const { user } = await tx.openChat({ platform: "console", chatId: "bob", platformUserId: "bob" }, "en", new Date());
      return { draft: await tx.loadDraft(user.id), bobId: user.id };
    });
    const front = draft!.documents.id_front!;
    const { documents } = harness;
    expect(await documents.has(documents.idOf(upload, bobId))).toBe(false);
    const stored = await documents.get(front.id);
    expect(documents.idOf(stored, bobId)).toBe(front.id);
    expect((await sharp(stored).metadata()).exif).toBeUndefined();
    const preview = await sharp(await documents.get(front.previewId)).metadata();
    expect(Math.max(preview.width!, preview.height!)).toBeLessThanOrEqual(480);
    expect(front).toMatchObject({ format: "jpeg", width: 1200, height: 800 });
  });

  it("answers in Chinese for Chinese users", async () => {
    const chat = harness.chat("wang", "telegram", "zh-CN");
    await toFrontPhoto(chat);
    const replies = await chat.file(
      await sharp(await minimalGoodJpeg())
        .blur(8)
        .jpeg()
        .toBuffer(),
    );
    expect(readable(replies)).toContain("照片模糊");
  });
});

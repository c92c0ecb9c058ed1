import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findUserRecord } from "../../src/applications/user-records.js";
import { goodJpeg } from "../helpers/hostile-files.js";
import { createTelegramHarness, type TelegramHarness } from "../helpers/telegram-harness.js";

let t: TelegramHarness;
beforeEach(async () => {
  t = await createTelegramHarness();
});
afterEach(() => t.close());

const ALICE = 1001;

describe("a user in a private chat", () => {
  it("/start greets in the user's Telegram language with inline buttons", async () => {
    await t.text(ALICE, "/start", { language: "zh-hans" });
    const last = t.lastTo(ALICE);
    expect(last.text).toMatch(/[\u4e00-\u9fff]/);
    expect(last.buttons).toContain("start");
    expect(t.api.callsOf("sendMessage").every((call) => call.payload.text.length <= 4096)).toBe(true);
  });

  it("registers with button presses, proves the phone by sharing the own contact and submits with photos", async () => {
    await t.text(ALICE, "/start");
    await t.press(ALICE, "start");
    await t.text(ALICE, "Zhang San");
    await t.text(ALICE, "zhang.san@example.com");
    expect(t.lastTo(ALICE).markup).toMatchObject({
      keyboard: [[{ text: "📱 Share my phone number", request_contact: true }]],
      one_time_keyboard: true,
    });
    await t.contact(ALICE, "8613812348000", ALICE);
    expect(t.lastTo(ALICE).buttons).toContain("method.id_card");
    await t.press(ALICE, "method.id_card");
    await t.text(ALICE, "11010519491231002X");
    expect(t.lastTo(ALICE).text).toMatch(/as a file/);
    t.api.addFile("front", await goodJpeg());
    t.api.addFile("back", await goodJpeg());
    await t.document(ALICE, "front");
    await t.photo(ALICE, "back");
    expect(t.lastTo(ALICE).buttons).toContain("consent.agree");
    await t.press(ALICE, "consent.agree");
    const record = await findUserRecord(t.harness.store, "telegram", String(ALICE), "2099-12-31");
    expect(record?.application?.status).toBe("submitted");
    // The phone came from Telegram, vouched for: no SMS code was needed.
    expect(t.harness.sms).toEqual([]);
    expect(t.api.callsOf("answerCallbackQuery")).toHaveLength(3);
  });

  it("answers a pressed button before doing the work, so it stops spinning at once", async () => {
    await t.text(ALICE, "/start");
    t.api.clear();
    await t.press(ALICE, "start");
    expect(t.api.calls.map((call) => call.method)).toEqual(["answerCallbackQuery", "sendMessage"]);
  });

  it("retries a message Telegram refused with 429 after retry_after", async () => {
    t.api.failNext("sendMessage", { error_code: 429, description: "Too Many Requests: retry after 1", parameters: { retry_after: 1 } });
    await t.text(ALICE, "/status");
    const texts = t.api.textsTo(ALICE);
    expect(texts.length).toBeGreaterThanOrEqual(2);
    expect(texts[0]).toBe(texts[1]); // the refused attempt, then the retry
  });

  it("a contact that is not the sender's own does not prove the phone", async () => {
    await t.text(ALICE, "/start");
    await t.press(ALICE, "start");
    await t.text(ALICE, "Zhang San");
    await t.text(ALICE, "zhang.san@example.com");
    await t.contact(ALICE, "+8613812348000", 2002);
    expect(t.api.textsTo(ALICE).at(-2)).toMatch(/not your own number/);
  });

  it("refuses a file over the size limit from its declared size, without downloading it", async () => {
    await t.reachIdCardPhotos(ALICE);
    t.api.addFile("huge", Buffer.alloc(10), { declaredSize: 9 * 1024 * 1024 });
    await t.document(ALICE, "huge", 9 * 1024 * 1024);
    expect(t.api.callsOf("getFile")).toHaveLength(0);
    expect(t.api.textsTo(ALICE).at(-2)).toContain("The file is 9 MB; the limit is 5 MB");
  });

  it("refuses a file whose real size exceeds the limit though Telegram declared none", async () => {
    await t.reachIdCardPhotos(ALICE);
    t.api.addFile("sneaky", Buffer.alloc(6 * 1024 * 1024, 1));
    await t.send({
      message: {
        message_id: 77,
        date: 1,
        chat: { id: ALICE, type: "private", first_name: "A" },
        from: { id: ALICE, is_bot: false, first_name: "A" },
        document: { file_id: "sneaky", file_unique_id: "x" },
      },
    } as never);
    expect(t.api.textsTo(ALICE).at(-2)).toContain("The file is 6 MB; the limit is 5 MB");
  });

  it("tells the user what to do when the download fails, and asks again", async () => {
    await t.reachIdCardPhotos(ALICE);
    await t.photo(ALICE, "missing-on-server");
    const texts = t.api.textsTo(ALICE);
    expect(texts.at(-2)).toContain("couldn't read the file");
    expect(texts.at(-1)).toMatch(/FRONT of your ID card/);
  });

  it("a redelivered update has no second effect", async () => {
    await t.text(ALICE, "/start");
    const before = t.api.callsOf("sendMessage").length;
    // The same update (same update_id) delivered twice, as Telegram does after a timeout.
    const statusUpdate = {
      message: {
        message_id: 5,
        date: 1,
        chat: { id: ALICE, type: "private", first_name: "A" },
        from: { id: ALICE, is_bot: false, first_name: "A" },
        text: "/status",
      },
    } as never;
    await t.send(statusUpdate, 5000);
    const once = t.api.callsOf("sendMessage").length;
    await t.send(statusUpdate, 5000);
    expect(once).toBeGreaterThan(before);
    expect(t.api.callsOf("sendMessage").length).toBe(once);
  });

  it("one chat's slow download holds up no other chat", async () => {
    await t.reachIdCardPhotos(ALICE);
    t.api.addFile("slow", await goodJpeg(), { delayMs: 1_500 });
    let photoDone = false;
    const photo = t.document(ALICE, "slow").then(() => (photoDone = true));
    await new Promise((resolve) => setTimeout(resolve, 100)); // the download is under way
    await t.text(2002, "/start");
    expect(t.api.textsTo(2002).length).toBeGreaterThan(0);
    expect(photoDone).toBe(false);
    await photo;
    expect(t.lastTo(ALICE).text).toMatch(/BACK of your ID card/);
  });

  it("stickers and voice notes get an explanation, not silence", async () => {
    await t.text(ALICE, "/start");
    await t.send({
      message: {
        message_id: 9,
        date: 1,
        chat: { id: ALICE, type: "private", first_name: "A" },
        from: { id: ALICE, is_bot: false, first_name: "A" },
        sticker: { file_id: "s" },
      },
    } as never);
    expect(t.api.textsTo(ALICE).at(-2)).toMatch(/can't|cannot/i);
  });

  it("/privacy, then Export my data: the JSON file arrives in the private chat as a document", async () => {
    await t.submitIdCard(ALICE);
    await t.text(ALICE, "/privacy");
    expect(t.lastTo(ALICE).buttons).toEqual(["privacy.export", "privacy.erase"]);
    await t.press(ALICE, "privacy.export");
    // First a fresh code to the registered phone (issue 28 §15): the chat account alone is not enough.
    expect(t.api.textsTo(ALICE).join("\n")).toMatch(/we sent a 6-digit code to \+86 138\*\*\*\*8000/);
    expect(t.api.callsOf("sendDocument")).toEqual([]);
    await t.text(ALICE, t.harness.lastCode());
    const [document] = t.api.callsOf("sendDocument");
    expect(document!.payload.chat_id).toBe(String(ALICE));
    expect(document!.files![0]!.filename).toMatch(/^my-data-\d{4}-\d{2}-\d{2}\.json$/);
    const data = JSON.parse(document!.files![0]!.bytes.toString("utf8"));
    expect(data.applications[0].answers.idNumber).toBe("11010519491231002X");
    // The file and its words first, then the menu the user is left in: the pending question is read last.
    const toAlice = t.api.calls.filter((call) => String(call.payload.chat_id) === String(ALICE));
    expect(toAlice.slice(-3).map((call) => [call.method, String(call.payload.text ?? "")])).toEqual([
      ["sendDocument", ""],
      ["sendMessage", expect.stringMatching(/everything we hold about you/)],
      ["sendMessage", expect.stringMatching(/What would you like to do\?/)],
    ]);
  });
});

import { afterEach, describe, expect, it } from "vitest";
import { eraseUserData } from "../../src/applications/privacy-rights.js";
import { actorId } from "../../src/domain/actor.js";
import { UPLOAD_WINDOW_MS, UPLOADS_PER_WINDOW } from "../../src/engine/upload-rate.js";
import { createHarness, type Harness, keys, readable, restartHarness } from "../helpers/harness.js";
import { goodJpeg } from "../helpers/hostile-files.js";
import { atPhoneCode } from "../helpers/phone-code.js";
import { TESTED_DIALECTS } from "../helpers/test-databases.js";
import { NEXT_TEST_KEY, TEST_DATA_KEYS } from "../helpers/test-keys.js";

// Security review, issue 28 §1: erasing one's own data (or a data-key rotation) must not reset the abuse limits.

const START = new Date("2026-11-23T02:00:00Z");
const RESEND_WAIT_MS = 61_000;
let harness: Harness;
let now: Date;
afterEach(() => harness.close());

async function open(dialect: (typeof TESTED_DIALECTS)[number]) {
  now = START;
  harness = await createHarness({ dialect, now });
}

function later(ms: number): void {
  now = new Date(now.getTime() + ms);
  harness.setNow(now);
}

/**
 * The user's data erased, as `privacy erase` does it. (In the chat, "Delete my data" first sends a proof
 * code to the registered number, which these limits count too: see test/privacy/fresh-proof.test.ts.)
 */
async function eraseOwnData(user: string) {
  const userId = await harness.store.exclusiveTransaction((tx) => tx.findUserId("console", user));
  const result = await eraseUserData(harness.store, harness.documents, userId!, actorId.operator(), now);
  expect(result).not.toHaveProperty("refused");
}

const wrongCode = () => (harness.lastCode() === "000000" ? "111111" : "000000");

describe.each(TESTED_DIALECTS)("abuse limits outlive erasure (%s)", (dialect) => {
  it("the 6th SMS to one number is refused though the user erased their data after each code", async () => {
    await open(dialect);
    for (let sent = 1; sent <= 5; sent++) {
      const { first } = await atPhoneCode(harness, "alice", "13812348000");
      expect(keys(first)).toEqual(["ask.phoneCode"]);
      await eraseOwnData("alice");
      later(RESEND_WAIT_MS);
    }
    const { first } = await atPhoneCode(harness, "alice", "13812348000");
    expect(keys(first)).toEqual(["otp.refused.phone_limit", "ask.phoneCodeNotSent"]);
    expect(harness.sms).toHaveLength(5);
  });

  it("the 11th guess for one number is refused (locked) though the user erased their data between guesses", async () => {
    await open(dialect);
    await atPhoneCode(harness, "alice", "13812348000");
    for (let i = 0; i < 5; i++) await harness.chat("alice").text(wrongCode());
    await eraseOwnData("alice");
    later(RESEND_WAIT_MS);
    const { chat } = await atPhoneCode(harness, "alice", "13812348000");
    for (let i = 0; i < 4; i++) expect(keys(await chat.text(wrongCode()))).not.toContain("otp.refused.locked");
    expect(keys(await chat.text(wrongCode()))).toContain("otp.refused.locked");
    expect(keys(await chat.text(harness.lastCode()))).not.toContain("otp.verified");
  });

  it("the per-user limit (10 codes) counts across erasures and numbers; the ledger holds no user id", async () => {
    await open(dialect);
    for (const phone of ["13812348000", "13812348001"]) {
      for (let sent = 1; sent <= 5; sent++) {
        expect(keys((await atPhoneCode(harness, "alice", phone)).first)).toEqual(["ask.phoneCode"]);
        await eraseOwnData("alice");
        later(RESEND_WAIT_MS);
      }
    }
    expect(keys((await atPhoneCode(harness, "alice", "13812348002")).first)).toEqual(["otp.refused.user_limit", "ask.phoneCodeNotSent"]);
    const ids = await harness.rows<{ id: string }>("select id from users");
    const ledger = JSON.stringify(await harness.rows("select * from one_time_code_events"));
    for (const { id } of ids) expect(ledger).not.toContain(id);
    expect(ledger).not.toContain("alice");
  });

  it("the upload limit counts across an erasure", async () => {
    await open(dialect);
    const photo = await goodJpeg();
    const atFrontPhoto = async () => {
      const chat = harness.chat("alice");
      await chat.press("start");
      await chat.text("Probe Person");
      await chat.text("alice@example.com");
      await chat.text("13812348000");
      await chat.press("method.id_card");
      await chat.text("11010519491231002X");
      return chat;
    };
    let chat = await atFrontPhoto();
    for (let i = 0; i < UPLOADS_PER_WINDOW; i++) {
      expect(keys(await chat.file(photo, "front.jpg"))).toEqual(["document.received", "ask.idBack"]);
      await chat.text("/back");
    }
    await eraseOwnData("alice");
    chat = await atFrontPhoto();
    expect(readable(await chat.file(photo, "front.jpg"))).toContain("many photos in a short time");
    later(UPLOAD_WINDOW_MS);
    expect(keys(await chat.file(photo, "front.jpg"))).toEqual(["document.received", "ask.idBack"]);
  });
});

describe("abuse limits outlive a data-key rotation", () => {
  it("after `keys rotate` and the old key removed, the 6th SMS is still refused and a code sent before still works", async () => {
    now = START;
    harness = await createHarness({ now, dataKeys: TEST_DATA_KEYS });
    for (let sent = 1; sent <= 4; sent++) {
      await atPhoneCode(harness, "alice", "13812348000");
      await eraseOwnData("alice");
      later(RESEND_WAIT_MS);
    }
    await atPhoneCode(harness, "bob", "13812348000");
    const bobsCode = harness.lastCode();
    await harness.close(false);

    harness = await restartHarness(harness, { now, dataKeys: `${NEXT_TEST_KEY},${TEST_DATA_KEYS}` });
    const columns = harness.store.sealedColumns();
    while ((await columns.resealBatch(50)) > 0);
    expect(await columns.remaining()).toBe(0);
    await harness.close(false);

    harness = await restartHarness(harness, { now, dataKeys: NEXT_TEST_KEY });
    expect(keys(await harness.chat("bob").text(bobsCode))).toContain("otp.verified");
    expect(keys((await atPhoneCode(harness, "carol", "13812348000")).first)).toEqual(["otp.refused.phone_limit", "ask.phoneCodeNotSent"]);
  });
});

import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createDocumentCheck } from "../../src/documents/document-check.js";
import { DEFAULT_DOCUMENT_RULES } from "../../src/domain/document-rules.js";
import { Engine } from "../../src/engine/engine.js";
import { DevelopmentSmsSender } from "../../src/notifications/sms-sender.js";
import { createLogger } from "../../src/runtime/logger.js";
import { createHarness } from "../helpers/harness.js";
import { minimalGoodJpeg } from "../helpers/hostile-files.js";

describe("logs", () => {
  it("never contain the names, email, phone or ID numbers a user typed, even at trace level", async () => {
    let logged = "";
    const sink = new Writable({
      write(chunk, _encoding, done) {
        logged += String(chunk);
        done();
      },
    });
    const logger = createLogger("trace", sink);
    const harness = await createHarness();
    const engine = new Engine({
      store: harness.store,
      documents: harness.documents,
      codeKey: harness.keyring.deriveKey("one-time-codes"),
      checkDocument: createDocumentCheck(DEFAULT_DOCUMENT_RULES),
      sms: new DevelopmentSmsSender(logger),
      logger,
      settings: { defaultLocale: "en", timeZone: "Asia/Shanghai", holidays: new Set(), supportContact: "s" },
    });
    let n = 0;
    const send = (body: object) => engine.handle({ id: `e${++n}`, platform: "telegram", chatId: "42", userId: "42", ...body } as never);
    try {
      await send({ kind: "choice", choice: "start" });
      await send({ kind: "text", text: "Zhang Sanfeng" });
      await send({ kind: "text", text: "zhang.sanfeng@example.com" });
      await send({ kind: "text", text: "13812348000" });
      await send({ kind: "choice", choice: "method.enterprise" });
      await send({ kind: "text", text: "某某科技有限公司" });
      await send({ kind: "text", text: "91350100M000100Y43" });
      await send({ kind: "file", file: { name: "licence.jpg", bytes: await minimalGoodJpeg() } });
      await send({ kind: "text", text: "Li Sidong" });
      await send({ kind: "text", text: "11010519491231002X" });
      await send({ kind: "file", file: { name: "rep-front.jpg", bytes: await minimalGoodJpeg(2) } });
      await send({ kind: "file", file: { name: "rep-back.jpg", bytes: await minimalGoodJpeg(3) } });
      await send({ kind: "choice", choice: "submit" });
      await send({ kind: "choice", choice: "consent.agree" });
      await send({ kind: "choice", choice: "consent.agree" }); // stale: no second submission
      await send({ kind: "choice", choice: "method.phone" }); // not in a flow
      await send({ kind: "text", text: "/status" });
      expect(logged).toContain("application submitted");
      for (const secret of [
        "Zhang Sanfeng",
        "zhang.sanfeng",
        "13812348000",
        "1381234",
        "11010519491231002X",
        "Li Sidong",
        "91350100M000100Y43",
      ]) {
        expect(logged).not.toContain(secret);
      }
    } finally {
      await harness.close();
    }
  });

  it("redacts personal fields if someone logs them by mistake", () => {
    let logged = "";
    const logger = createLogger(
      "info",
      new Writable({
        write(chunk, _encoding, done) {
          logged += String(chunk);
          done();
        },
      }),
    );
    logger.info({ phone: "+8613812348000", user: { email: "a@b.co", idNumber: "11010519491231002X" } }, "oops");
    expect(logged).toContain("oops");
    expect(logged).not.toMatch(/8613812348000|a@b\.co|11010519491231002X/);
  });
});

import { describe, expect, it } from "vitest";
import { wantsToStopVerifying } from "../../src/domain/stop-intent.js";

describe("wanting to stop verifying", () => {
  it("is a whole message saying so, in either language", () => {
    for (const text of [
      "I don't want to get verified anymore",
      "i don’t want to verify",
      "Stop verification.",
      "I want to give up verification",
      "我不想认证了",
      "我要放弃认证",
      "不想做认证了！",
      "不认证了吧",
    ])
      expect(wantsToStopVerifying(text), text).toBe(true);
  });

  it("is not a question or an answer that mentions it", () => {
    for (const text of [
      "I don't want to verify my phone, can I use my ID card?",
      "不认证了会怎样",
      "what happens if I don't verify",
      "Zhang San",
      "认证",
      "stop",
    ])
      expect(wantsToStopVerifying(text), text).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { maskEmail, maskIdNumber, maskName, maskPhone } from "../../src/domain/masking.js";

describe("masking", () => {
  it("keeps only what lets the owner recognise the value", () => {
    expect(maskIdNumber("110105194912311234")).toBe("110105********1234");
    expect(maskEmail("zhangsan@example.com")).toBe("z***n@example.com");
    expect(maskEmail("zs@example.com")).toBe("z***@example.com");
    expect(maskPhone("+8613812348000")).toBe("+86 138****8000");
    expect(maskPhone("+447911123456")).toBe("+44 791***3456");
    expect(maskPhone("not a phone")).toBe("****");
    expect(maskName("张三丰")).toBe("张**");
  });
});

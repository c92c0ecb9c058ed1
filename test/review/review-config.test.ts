import { describe, expect, it } from "vitest";
import { readConfig } from "../../src/runtime/config.js";

describe("REVIEW_CLAIM_MINUTES, FOUR_EYES and METRICS_TOKEN", () => {
  it("default to 30 minutes, enterprise and no token", () => {
    expect(readConfig({})).toMatchObject({ reviewClaimMinutes: 30, fourEyes: "enterprise", metricsToken: undefined });
  });

  it("take valid values and refuse others, naming the variable", () => {
    const config = readConfig({ REVIEW_CLAIM_MINUTES: "45", FOUR_EYES: "all", METRICS_TOKEN: "metrics-token-0123456789abcdef" });
    expect(config).toMatchObject({ reviewClaimMinutes: 45, fourEyes: "all", metricsToken: "metrics-token-0123456789abcdef" });
    expect(readConfig({ FOUR_EYES: "none" }).fourEyes).toBe("none");
    expect(() => readConfig({ REVIEW_CLAIM_MINUTES: "0" })).toThrow(/^REVIEW_CLAIM_MINUTES: must be a whole number ≥ 1 and ≤ 1440/);
    expect(() => readConfig({ REVIEW_CLAIM_MINUTES: "1.5" })).toThrow(/^REVIEW_CLAIM_MINUTES: /);
    expect(() => readConfig({ FOUR_EYES: "two" })).toThrow(/^FOUR_EYES: must be one of enterprise, all, none/);
    expect(() => readConfig({ METRICS_TOKEN: "short" })).toThrow(/^METRICS_TOKEN: must be at least 24 characters/);
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addBusinessDays, expectedDecisionDate, isBusinessDay, localDate } from "../../src/domain/business-days.js";

const none = new Set<string>();

describe("business days", () => {
  it("skips weekends", () => {
    expect(addBusinessDays("2026-11-23", 3, none)).toBe("2026-11-26"); // Mon → Thu
    expect(addBusinessDays("2026-11-26", 3, none)).toBe("2026-12-01"); // Thu → Tue
    expect(addBusinessDays("2026-11-28", 3, none)).toBe("2026-12-02"); // Sat → Wed
  });

  it("skips holidays and crosses year ends", () => {
    const holidays = new Set(["2027-01-01"]);
    expect(addBusinessDays("2026-12-30", 3, holidays)).toBe("2027-01-05"); // Wed → Thu 31, (Fri 1 holiday), Mon 4, Tue 5
    const golden = new Set(["2026-10-01", "2026-10-02", "2026-10-05", "2026-10-06", "2026-10-07"]);
    expect(addBusinessDays("2026-09-30", 3, golden)).toBe("2026-10-12");
  });

  it("promises a date in the platform's time zone", () => {
    // Friday 23:30 in Shanghai is still Friday there, though Friday 15:30 UTC.
    const fridayNight = new Date("2026-11-27T15:30:00Z");
    expect(localDate(fridayNight, "Asia/Shanghai")).toBe("2026-11-27");
    expect(expectedDecisionDate(fridayNight, "Asia/Shanghai", none)).toBe("2026-12-02");
    // 00:30 Saturday in Shanghai.
    expect(expectedDecisionDate(new Date("2026-11-27T16:30:00Z"), "Asia/Shanghai", none)).toBe("2026-12-02");
  });

  it("always lands on a business day after the start, never more than 3 + weekends + holidays away", () => {
    const date = fc.date({ min: new Date("2020-01-01T00:00:00Z"), max: new Date("2035-12-31T00:00:00Z"), noInvalidDate: true });
    fc.assert(
      fc.property(date, fc.integer({ min: 1, max: 10 }), (start, days) => {
        const from = start.toISOString().slice(0, 10);
        const to = addBusinessDays(from, days, none);
        expect(isBusinessDay(to, none)).toBe(true);
        const span = (Date.parse(to) - Date.parse(from)) / 86_400_000;
        expect(span).toBeGreaterThanOrEqual(days);
        expect(span).toBeLessThanOrEqual(days + 2 * Math.ceil(days / 5) + 2);
      }),
    );
  });

  it("gives each instant its own local date, however instants follow each other (the last date is kept per quarter hour)", () => {
    // Zones with half- and quarter-hour offsets and a daylight-saving change.
    const zones = ["Asia/Shanghai", "Asia/Kolkata", "Asia/Kathmandu", "America/St_Johns", "Europe/Berlin", "Pacific/Chatham"];
    const formats = new Map(
      zones.map((zone) => [zone, new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" })]),
    );
    const reference = (instant: Date, zone: string) => formats.get(zone)!.format(instant);
    const start = Date.parse("2026-03-28T00:00:00Z");
    // Minute by minute across every zone's midnights and the DST change: a date kept too long shows at once.
    for (const zone of zones)
      for (let minute = 0; minute < 3 * 24 * 60; minute++) {
        const instant = new Date(start + minute * 60_000);
        expect(localDate(instant, zone)).toBe(reference(instant, zone));
      }
    // And in any order, zones interleaved.
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 3 * 24 * 3600 }), fc.constantFrom(...zones)), { minLength: 1, maxLength: 50 }),
        (steps) => {
          for (const [second, zone] of steps) {
            const instant = new Date(start + second * 1000);
            expect(localDate(instant, zone)).toBe(reference(instant, zone));
          }
        },
      ),
    );
  });
});

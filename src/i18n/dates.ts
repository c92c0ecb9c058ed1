import { type Message, msg } from "./message.js";

/**
 * Dates and times as users read them, in the service's time zone: "Wed 9 Dec" / "12月9日（周三）",
 * and with a time "Wed 9 Dec, 00:38 UTC+8" / "12月9日（周三）00:38". Never an ISO string or UTC.
 */

/** A calendar date ("2026-12-09", already local to the service's zone). */
export function dayMessage(isoDate: string): Message {
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return msg("date.unknown");
  return msg("date.day", {
    weekday: msg(`weekday.${date.getUTCDay()}` as Message["key"]),
    day: date.getUTCDate(),
    month: msg(`month.${date.getUTCMonth() + 1}` as Message["key"]),
  });
}

/** An instant (ISO 8601) in `timeZone`: its local date and time, the zone named in English. */
export function timeMessage(instant: string, timeZone: string): Message {
  const at = new Date(instant);
  if (Number.isNaN(at.getTime())) return msg("date.unknown");
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
      timeZoneName: "shortOffset",
    })
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  );
  const zone = (parts.timeZoneName ?? "GMT").replace(/^GMT/, "UTC");
  return msg("date.time", {
    day: dayMessage(`${parts.year}-${parts.month}-${parts.day}`),
    time: `${parts.hour}:${parts.minute}`,
    zone,
  });
}

/**
 * Business-day arithmetic on calendar dates ("YYYY-MM-DD"). Review deadlines
 * are promised as dates in the platform's time zone, so we convert an instant
 * to a local date once and do the rest on dates, free of DST and offsets.
 */

export type IsoDate = string;

const formatters = new Map<string, Intl.DateTimeFormat>();
/** Every time zone's offset is a whole number of quarter hours, so a local date holds for a whole quarter hour. */
const QUARTER_HOUR_MS = 15 * 60 * 1000;
const lastDates = new Map<string, { quarter: number; date: IsoDate }>();

export function localDate(instant: Date, timeZone: string): IsoDate {
  // Formatting costs ~9 µs, on every chat event: the last answer per time zone is kept for its quarter hour.
  const quarter = Math.floor(instant.getTime() / QUARTER_HOUR_MS);
  const last = lastDates.get(timeZone);
  if (last?.quarter === quarter) return last.date;
  // Building a formatter costs far more than using one; there is one per time zone.
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // en-CA formats as YYYY-MM-DD.
    formatter = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    formatters.set(timeZone, formatter);
  }
  const date = formatter.format(instant);
  lastDates.set(timeZone, { quarter, date });
  return date;
}

export function isBusinessDay(date: IsoDate, holidays: ReadonlySet<IsoDate>): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidays.has(date);
}

/** The date `days` business days after `start` (start itself never counts). */
export function addBusinessDays(start: IsoDate, days: number, holidays: ReadonlySet<IsoDate>): IsoDate {
  const cursor = new Date(`${start}T00:00:00Z`);
  let remaining = days;
  while (remaining > 0) {
    cursor.setUTCDate(cursor.getUTCDate() + 1);
    if (isBusinessDay(cursor.toISOString().slice(0, 10), holidays)) remaining--;
  }
  return cursor.toISOString().slice(0, 10);
}

export const REVIEW_BUSINESS_DAYS = 3;

/** The date we promise a decision by for an application submitted at `submittedAt`. */
export function expectedDecisionDate(submittedAt: Date, timeZone: string, holidays: ReadonlySet<IsoDate>): IsoDate {
  return addBusinessDays(localDate(submittedAt, timeZone), REVIEW_BUSINESS_DAYS, holidays);
}

export const REMIND_REVIEWERS_AFTER_BUSINESS_DAYS = 1;

/** The same time of day, `days` business days later (by the dates in `timeZone`). */
export function addBusinessDaysToInstant(instant: Date, days: number, timeZone: string, holidays: ReadonlySet<IsoDate>): Date {
  const from = localDate(instant, timeZone);
  const to = addBusinessDays(from, days, holidays);
  return new Date(instant.getTime() + (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)));
}

/** Whether something done at `at` came after the date promised to the user (none promised: never). */
export function afterPromisedDate(at: Date, expectedBy: string, timeZone: string): boolean {
  return expectedBy !== "" && localDate(at, timeZone) > expectedBy;
}

/**
 * ISO 8601 weeks in Europe/London, the time zone every digest and schedule in the product uses.
 * A week is named like 2026-W48 and runs Monday to Sunday, London time.
 */
export const LONDON = "Europe/London";

const londonParts = new Intl.DateTimeFormat("en-GB", { timeZone: LONDON, year: "numeric", month: "2-digit", day: "2-digit" });

/** The calendar date in London at the given instant, as [year, month (1-12), day]. */
export function londonDate(instant: Date): [number, number, number] {
  const parts = londonParts.formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return [get("year"), get("month"), get("day")];
}

/** ISO week of a calendar date (algorithm: the week holding that date's Thursday, ISO 8601 §3.2.2). */
export function isoWeekOfDate(year: number, month: number, day: number): string {
  const date = new Date(Date.UTC(year, month - 1, day));
  const weekday = date.getUTCDay() || 7;
  date.setUTCDate(date.getUTCDate() + 4 - weekday);
  const weekYear = date.getUTCFullYear();
  const week = Math.ceil(((date.getTime() - Date.UTC(weekYear, 0, 1)) / 86400000 + 1) / 7);
  return `${weekYear}-W${String(week).padStart(2, "0")}`;
}

export function isoWeek(instant: Date): string {
  return isoWeekOfDate(...londonDate(instant));
}

const WEEK = /^(\d{4})-W(\d{2})$/;

export function isIsoWeek(text: string): boolean {
  const m = WEEK.exec(text);
  if (!m) return false;
  const week = Number(m[2]);
  return week >= 1 && week <= 53 && weekMonday(text) !== undefined;
}

/** The Monday (UTC calendar date) that starts an ISO week, or undefined if the week does not exist. */
export function weekMonday(week: string): Date | undefined {
  const m = WEEK.exec(week);
  if (!m) return undefined;
  const year = Number(m[1]);
  const n = Number(m[2]);
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const monday = new Date(jan4);
  monday.setUTCDate(jan4.getUTCDate() - ((jan4.getUTCDay() || 7) - 1) + (n - 1) * 7);
  const check = isoWeekOfDate(monday.getUTCFullYear(), monday.getUTCMonth() + 1, monday.getUTCDate());
  return check === week ? monday : undefined;
}

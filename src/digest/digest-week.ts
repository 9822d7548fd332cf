import { isIsoWeek, isoWeek, weekMonday } from "../domain/iso-week";
import { HubError } from "../domain/errors";

const DAY = 86_400_000;
const dateFormat = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "long", year: "numeric" });
const dayMonth = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "long" });

/** "Monday 23 to Sunday 29 November 2026" for 2026-W48. */
export function weekLabel(week: string): string {
  const monday = weekMonday(week);
  if (!monday) return week;
  const sunday = new Date(monday.getTime() + 6 * DAY);
  return `Monday ${dayMonth.format(monday)} to Sunday ${dateFormat.format(sunday)}`;
}

/** The ISO week before the given one. */
export function previousWeek(week: string): string {
  const monday = weekMonday(week)!;
  return isoWeek(new Date(monday.getTime() - 3 * DAY));
}

/**
 * The week a scheduled digest covers: the week of the day before it fires. A Monday 08:00 digest
 * reports the week that has just ended; a Friday afternoon one reports the week still running.
 */
export function weekCoveredBy(fireAt: Date): string {
  return isoWeek(new Date(fireAt.getTime() - DAY));
}

/** Reads a week typed after a command ("2026-W48"), or the default when nothing was typed. */
export function parseWeekArg(args: string, fallback: string): string {
  const text = args.trim().toUpperCase();
  if (!text) return fallback;
  if (!isIsoWeek(text)) throw new HubError("invalid-input", `"${args.trim().slice(0, 40)}" is not an ISO week: write it like 2026-W48.`);
  return text;
}

import { londonDate } from "../domain/iso-week";

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

export const DEADLINE_USAGE = "Write the deadline as a date, e.g. circulate proforma by 2026-03-20, or by 20 March 2026.";

function iso(y: number, m: number, d: number): string | undefined {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/**
 * Reads the words after `circulate proforma`: "by 2026-03-20", "by 20/03/2026", "by 20 March 2026",
 * "by 20 Mar" (this year). The deadline must be after today in London and within a year.
 */
export function parseDeadline(args: string, now: Date): { deadline: string } | { error: string } {
  const text = args
    .trim()
    .toLowerCase()
    .replace(/^by\s+/, "")
    .replace(/(\d)(st|nd|rd|th)\b/, "$1")
    .replace(/,/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  const [ty, tm, td] = londonDate(now);
  let found: string | undefined;
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text))) found = iso(+m[1]!, +m[2]!, +m[3]!);
  else if ((m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text))) found = iso(+m[3]!, +m[2]!, +m[1]!);
  else if ((m = /^(\d{1,2}) ([a-z]+)(?: (\d{4}))?$/.exec(text))) {
    const month = MONTHS.findIndex((name) => m![2]!.length >= 3 && name.startsWith(m![2]!));
    if (month >= 0) found = iso(m[3] ? +m[3] : ty, month + 1, +m[1]!);
  }
  if (!text) return { error: `Say when by. ${DEADLINE_USAGE}` };
  if (!found) return { error: `"${args.trim().slice(0, 40)}" is not a date I can read. ${DEADLINE_USAGE}` };
  const today = iso(ty, tm, td)!;
  const yearOn = iso(ty + 1, tm, td === 29 && tm === 2 ? 28 : td)!;
  if (found <= today) return { error: `The deadline must be after today (${today}).` };
  if (found > yearOn) return { error: `The deadline must be within a year (by ${yearOn}).` };
  return { deadline: found };
}

/** The instant a London calendar date ends (the next day's 00:00 in London, GMT or BST). */
export function endOfLondonDay(date: string): Date {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const next = new Date(Date.UTC(y, m - 1, d + 1));
  const want = [next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate()].join("-");
  const hourOf = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", hour: "2-digit", hourCycle: "h23" });
  for (const offsetHours of [0, 1]) {
    const candidate = new Date(next.getTime() - offsetHours * 3600_000);
    if (londonDate(candidate).join("-") === want && Number(hourOf.format(candidate)) === 0) return candidate;
  }
  return next;
}

export function longDate(date: string): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1]![0]!.toUpperCase()}${MONTHS[m - 1]!.slice(1)} ${y}`;
}

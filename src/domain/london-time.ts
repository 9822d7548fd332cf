import { LONDON } from "./iso-week";

/** Date and time as people in the boroughs choose them: Europe/London wall-clock time. */
const parts = new Intl.DateTimeFormat("en-GB", {
  timeZone: LONDON,
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

function londonWallClockMs(instant: number): number {
  const p = Object.fromEntries(parts.formatToParts(new Date(instant)).map((x) => [x.type, x.value]));
  return Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})(?::\d{2})?$/;

/** A YYYY-MM-DD calendar date, checked to exist; undefined otherwise. */
export function parseDate(text: unknown): { y: number; m: number; d: number } | undefined {
  const match = typeof text === "string" ? DATE.exec(text.trim()) : null;
  if (!match) return undefined;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(y, m - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== m - 1 || probe.getUTCDate() !== d) return undefined;
  return { y, m, d };
}

/**
 * The instant of a London date and time (as Input.Date and Input.Time send them), or undefined if
 * either is not valid. In the spring gap (01:00 to 02:00 on the last Sunday of March) the clock
 * time does not exist; it is read as the instant an hour later, like most calendars do.
 */
export function londonInstant(date: unknown, time: unknown): Date | undefined {
  const d = parseDate(date);
  const t = typeof time === "string" ? TIME.exec(time.trim()) : null;
  if (!d || !t) return undefined;
  const hour = Number(t[1]);
  const minute = Number(t[2]);
  if (hour > 23 || minute > 59) return undefined;
  const wall = Date.UTC(d.y, d.m - 1, d.d, hour, minute);
  let guess = wall - (londonWallClockMs(wall) - wall);
  guess = wall - (londonWallClockMs(guess) - guess);
  return new Date(guess);
}

const label = new Intl.DateTimeFormat("en-GB", {
  timeZone: LONDON,
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** "Thursday 14 May 2026 at 10:00", London time. */
export function londonLabel(instant: Date): string {
  return label
    .format(instant)
    .replace(",", "")
    .replace(/ at |, /, " at ");
}

/** The ISO form the card date functions read: whole seconds, Z. */
export function cardInstant(instant: Date): string {
  return instant.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** The London calendar date (YYYY-MM-DD) of an instant. */
export function londonDay(instant: Date): string {
  const p = Object.fromEntries(parts.formatToParts(instant).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}`;
}

/**
 * Refusals are audited, but one person cannot flood the trail with them: in each clock hour (UTC) a
 * person's first few refusals get a line each, and the rest are counted on one summary line per
 * person and hour, by what was refused. Pure: the trail stores the count.
 */
export const LISTED_REFUSALS_PER_HOUR = 5;

export interface RefusalCount {
  /** Refusals in the hour that got a line of their own. */
  listed: number;
  /** Refusals after those, counted here only. */
  more: number;
  /** What was refused (a command or button), with how many of `more` each. */
  whats: Record<string, number>;
}

export function countRefusal(current: RefusalCount | undefined, what: string): { next: RefusalCount; listed: boolean } {
  const now = current ?? { listed: 0, more: 0, whats: {} };
  if (now.listed < LISTED_REFUSALS_PER_HOUR) return { next: { ...now, listed: now.listed + 1 }, listed: true };
  const whats = { ...now.whats, [what]: (now.whats[what] ?? 0) + 1 };
  return { next: { listed: now.listed, more: now.more + 1, whats }, listed: false };
}

/** The clock hour an instant falls in, as the summary line's key part: `2026-12-01T10`. */
export function hourOf(at: Date): string {
  return at.toISOString().slice(0, 13);
}

/** "12 more refusals of audit (8), role (4) by Kim Hackney in the hour from 10:00 UTC, not listed one by one". */
export function summaryDetail(count: RefusalCount, name: string, hour: string): string {
  const whats = Object.entries(count.whats)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, 8)
    .map(([what, n]) => `${what} (${n})`)
    .join(", ");
  const plural = count.more === 1 ? "refusal" : "refusals";
  return `${count.more} more ${plural} of ${whats} by ${name || "someone unnamed"} in the hour from ${hour.slice(11, 13)}:00 UTC on ${hour.slice(0, 10)}, not listed one by one`;
}

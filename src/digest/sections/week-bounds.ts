import { londonInstant } from "../../domain/london-time";
import { weekMonday } from "../../domain/iso-week";

const DAY = 86_400_000;

/** An ISO week as instants: Monday 00:00 to the next Monday 00:00, London time. */
export function weekBounds(week: string): { from: Date; to: Date } {
  const monday = weekMonday(week)!;
  const day = (d: Date) => d.toISOString().slice(0, 10);
  return { from: londonInstant(day(monday), "00:00")!, to: londonInstant(day(new Date(monday.getTime() + 7 * DAY)), "00:00")! };
}

/**
 * The moment a digest describes "current state" at: now for this week or a future one, the week's
 * end for a past week (a digest printed later for an old week does not count what came after it).
 */
export function stateAt(week: string, now: Date): Date {
  const { to } = weekBounds(week);
  return now.getTime() < to.getTime() ? now : new Date(to.getTime() - 1);
}

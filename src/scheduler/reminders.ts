import type { CirculationDeps } from "../circulation/circulation-deps";
import { remindBoroughs } from "../circulation/remind-boroughs";
import { startPeriodicJob } from "./periodic-job";

export interface ReminderTimer {
  stop(): void;
  /** Resolves when the check in progress (if any) has finished. */
  settled(): Promise<void>;
}

/** Runs the reminder check every `everyMs` (hourly by default); a check never overlaps the one before. */
export function startReminderTimer(ctx: CirculationDeps, everyMs = 60 * 60 * 1000): ReminderTimer {
  return startPeriodicJob({
    name: "the proforma reminder check",
    every: { ms: everyMs },
    run: async () => void (await remindBoroughs(ctx)),
    logger: ctx.logger,
  });
}

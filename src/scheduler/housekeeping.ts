import type { SchedulerDeps } from "./scheduler-deps";
import { purgeNominations } from "../privacy/purge-nominations";
import { startPeriodicJob } from "./periodic-job";
import { checkActions } from "../meetings/action-checks";
import { turnHeldMeetings } from "../meetings/turn-held-meetings";

export interface Housekeeping {
  stop(): void;
  /** Resolves when the run in progress (if any) has finished. */
  settled(): Promise<void>;
}

/** How often reminders, overdue marks and the nomination purge run. */
export const HOUSEKEEPING_EVERY_MS = 15 * 60 * 1000;

/** One pass: action reminders and overdue marks, invitations of started conversations turned into held cards, then the purge of closed nominations. */
export async function runHousekeeping(ctx: SchedulerDeps): Promise<void> {
  try {
    await checkActions(ctx);
    await turnHeldMeetings(ctx);
    await purgeNominations(ctx);
  } catch (error) {
    ctx.logger.warn({ err: error }, "housekeeping run failed; the next run will try again");
  }
}

/** Runs housekeeping on a timer; runs never overlap, and the timer does not keep the process alive. */
export function startHousekeeping(ctx: SchedulerDeps, everyMs = HOUSEKEEPING_EVERY_MS): Housekeeping {
  return startPeriodicJob({ name: "housekeeping", every: { ms: everyMs }, run: () => runHousekeeping(ctx), logger: ctx.logger });
}

import { Cron } from "croner";
import type { AppContext } from "../app-context";
import { ConfigError } from "../config/config";
import { LONDON } from "../domain/iso-week";
import { weekCoveredBy } from "../digest/digest-week";
import { sendDigest } from "../digest/send-digest";
import type { RunSummary } from "../delivery/delivery-state";

export interface Schedule {
  /** The next time the digest goes out. */
  nextRun(): Date | null;
  /** Settles when the start-up catch-up has finished (for tests and a clean stop). */
  readonly catchUp: Promise<void>;
  stop(): void;
}

/** Reads the cron pattern once; a bad DIGEST_CRON stops the service with a message naming it. */
export function digestCron(pattern: string, fire?: (at: Date) => void): Cron {
  try {
    return new Cron(pattern, { timezone: LONDON, protect: true, paused: !fire }, fire ? () => fire(new Date()) : undefined);
  } catch (error) {
    throw new ConfigError("DIGEST_CRON", `"${pattern}" is not a cron pattern: ${(error as Error).message}`);
  }
}

/** The most recent scheduled time at or before `now`, and the week that fire covers. */
export function dueDigest(pattern: string, now: Date): { fireAt: Date; week: string } | undefined {
  const job = digestCron(pattern);
  try {
    const [fireAt] = job.previousRuns(1, now);
    return fireAt ? { fireAt, week: weekCoveredBy(fireAt) } : undefined;
  } finally {
    job.stop();
  }
}

/**
 * Sends the weekly digest on the cron pattern in London time (croner keeps 08:00 at 08:00 across the
 * October and March clock changes). Every instance runs it; the run claim makes one of them send.
 * On start, the most recent due week is sent if any DCS channel lacks it (a catch-up after downtime).
 */
export function startDigestSchedule(ctx: AppContext, options: { pattern?: string; send?: (week: string) => Promise<RunSummary> } = {}): Schedule {
  const pattern = options.pattern ?? ctx.config.digestCron;
  const send = options.send ?? ((week: string) => sendDigest(ctx, week));
  const run = async (week: string, why: string) => {
    try {
      const summary = await send(week);
      ctx.logger.info({ event: "digest.scheduled", why, ...summary }, `digest for ${week}: ${summary.outcome}`);
    } catch (error) {
      ctx.logger.error({ err: error, week, why }, "the scheduled digest failed; the next start or fire will resume it");
    }
  };
  const job = digestCron(pattern, (at) => void run(weekCoveredBy(at), "schedule"));
  const catchUp = (async () => {
    const due = dueDigest(pattern, ctx.now());
    if (!due) return;
    try {
      if ((await ctx.channels.withRole("dcs")).length === 0) return;
    } catch (error) {
      ctx.logger.warn({ err: error }, "could not check for a digest to catch up");
      return;
    }
    await run(due.week, "catch-up");
  })();
  return { nextRun: () => job.nextRun(), catchUp, stop: () => job.stop() };
}

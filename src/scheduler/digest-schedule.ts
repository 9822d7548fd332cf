import { Cron } from "croner";
import type { SchedulerDeps } from "./scheduler-deps";
import { ConfigError } from "../config/config";
import { LONDON } from "../domain/iso-week";
import { isHubError } from "../domain/errors";
import { weekCoveredBy } from "../digest/digest-week";
import { sendDigest } from "../digest/send-digest";
import { lateDigestPlan, type LateDigest } from "../digest/late-digest";
import { retryDelayMs } from "../delivery/backoff";
import { deliverRun } from "../delivery/deliver-run";
import type { RunSummary } from "../delivery/delivery-state";
import { startPeriodicJob, type JobOutcome, type JobTrigger } from "./periodic-job";

export interface Schedule {
  /** The next time the digest goes out. */
  nextRun(): Date | null;
  /** Settles when the start-up catch-up's first attempt has finished (for tests). */
  readonly catchUp: Promise<void>;
  /** Settles when the attempt in progress, if any, has finished (for a clean stop). */
  settled(): Promise<void>;
  stop(): void;
}

/**
 * Retries of a week's digest that did not go out: from 30 s, doubling to 15 minutes, each drawn
 * between half and all of that, until the week's run is claimed and every channel's row is settled.
 */
export const DIGEST_RETRY = { baseMs: 30_000, capMs: 15 * 60_000, jitterMs: 0 };

/** A digest that goes out this long after its scheduled time is late, and the coordinators are told. */
export const LATE_AFTER_MS = 10 * 60_000;

/** Reads the cron pattern once; a bad DIGEST_CRON stops the service with a message naming it. */
export function digestCron(pattern: string): Cron {
  try {
    return new Cron(pattern, { timezone: LONDON, paused: true });
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

/** A week's digest that is due and not yet known to be sent. */
interface Due {
  week: string;
  fireAt: Date;
  attempts: number;
  /** From the start-up catch-up: nothing is composed while no DCS channel is registered. */
  onlyWithChannels: boolean;
  /** Why the last attempt did not finish, in words for the coordinators. */
  problem?: string;
}

export interface DigestScheduleOptions {
  pattern?: string;
  send?: (week: string) => Promise<RunSummary>;
  /** Tells the coordinators' channels that a week's digest went out late. */
  tellLate?: (late: LateDigest) => Promise<void>;
  retry?: { baseMs: number; capMs: number };
  random?: () => number;
}

/**
 * Sends the weekly digest on the cron pattern in London time (croner keeps 08:00 at 08:00 across the
 * October and March clock changes). Every instance runs it; the run claim makes one of them send.
 * On start, the most recent due week is sent if any DCS channel lacks it (a catch-up after downtime).
 * An attempt that fails (storage down at 08:00), finds the run held by another pass, or leaves
 * channels unsent is retried with backoff until the week's run is claimed and settled; a digest that
 * goes out more than ten minutes late is reported to the coordinators' channels, once.
 */
export function startDigestSchedule(ctx: SchedulerDeps, options: DigestScheduleOptions = {}): Schedule {
  const pattern = options.pattern ?? ctx.config.digestCron;
  digestCron(pattern).stop();
  const send = options.send ?? ((week: string) => sendDigest(ctx, week));
  const tellLate = options.tellLate ?? (async (late: LateDigest) => void (await deliverRun(ctx, lateDigestPlan(late))));
  const retry = { ...DIGEST_RETRY, ...options.retry };
  let due: Due | undefined;

  const attempt = async (trigger: JobTrigger): Promise<JobOutcome | void> => {
    const now = ctx.now();
    if (trigger === "timer") {
      const week = weekCoveredBy(now);
      if (due && due.week !== week)
        ctx.logger.error({ event: "digest.abandoned", week: due.week }, `the digest for ${due.week} never went out; ${week} is due now`);
      due = { week, fireAt: now, attempts: 0, onlyWithChannels: false };
    } else if (trigger === "now") {
      const found = dueDigest(pattern, now);
      if (!found) return;
      due = { ...found, attempts: 0, onlyWithChannels: true };
    }
    if (!due) return;
    const current = due;
    current.attempts++;
    const why = trigger === "timer" ? "schedule" : trigger === "now" ? "catch-up" : "retry";
    try {
      if (current.onlyWithChannels && (await ctx.channels.withRole("dcs")).length === 0) {
        due = undefined;
        return;
      }
      const summary = await send(current.week);
      ctx.logger.info({ event: "digest.scheduled", why, attempt: current.attempts, ...summary }, `digest for ${current.week}: ${summary.outcome}`);
      if (summary.outcome === "no-channels" || (summary.outcome === "delivered" && !summary.unfinished)) {
        due = undefined;
        if (summary.sent > 0 && now.getTime() - current.fireAt.getTime() > LATE_AFTER_MS) await reportLate(current, summary, now);
        return;
      }
      current.problem = summary.outcome === "delivered" ? "storage failed while it was being sent" : "another pass held the week's run and did not finish it";
    } catch (error) {
      current.problem = isHubError(error, "storage-unavailable") ? "storage could not be reached at the scheduled time" : "the first attempt failed";
      ctx.logger.error({ err: error, week: current.week, why, attempt: current.attempts }, "the scheduled digest failed; it will be retried");
    }
    const wait = retryDelayMs(current.attempts, undefined, options.random, retry);
    ctx.logger.info({ event: "digest.retry", week: current.week, attempt: current.attempts, wait }, `the digest for ${current.week} will be tried again`);
    return { retryInMs: wait };
  };

  const reportLate = async (sent: Due, summary: RunSummary, now: Date) => {
    try {
      await tellLate({
        week: sent.week,
        dueAt: sent.fireAt.toISOString(),
        sentAt: now.toISOString(),
        channels: summary.sent + summary.alreadySent,
        reason: sent.problem ?? "the service was not running at the scheduled time",
      });
    } catch (error) {
      ctx.logger.warn({ err: error, week: sent.week }, "could not tell the coordinators that the digest was late");
    }
  };

  const job = startPeriodicJob({ name: "the weekly digest", every: { cron: pattern }, run: attempt, logger: ctx.logger });
  const catchUp = job.runNow();
  return { nextRun: () => job.nextRun(), catchUp, settled: () => job.settled(), stop: () => job.stop() };
}

import { Cron } from "croner";
import type { Logger } from "../logging/logger";
import { LONDON } from "../domain/iso-week";

/** Why a job runs: its timer, a retry it asked for, or a direct call (the start-up catch-up). */
export type JobTrigger = "timer" | "retry" | "now";

/** What a run may answer: ask to be run again sooner than the timer would (a retry with backoff). */
export interface JobOutcome {
  retryInMs?: number;
}

export interface PeriodicJob {
  /** Runs the job now, unless a run is in progress (then it waits for that one). */
  runNow(): Promise<void>;
  /** The next time the timer fires. */
  nextRun(): Date | null;
  /** Stops the timer and any retry waiting; a run in progress finishes (see `settled`). */
  stop(): void;
  /** Resolves when the run in progress, if any, has finished. */
  settled(): Promise<void>;
}

export interface PeriodicJobOptions {
  /** For the log. */
  name: string;
  /** Every so many milliseconds, or on a cron pattern in London time (croner keeps it across clock changes). */
  every: { ms: number } | { cron: string };
  run(trigger: JobTrigger): Promise<JobOutcome | void>;
  logger: Logger;
}

/**
 * One timer for the service's background work (the weekly digest, housekeeping, proforma reminders).
 * Runs never overlap: a tick while one is in progress is skipped. A run that throws is logged and the
 * next tick tries again; a run may ask for a retry sooner. No timer keeps the process alive.
 */
export function startPeriodicJob(options: PeriodicJobOptions): PeriodicJob {
  let running: Promise<void> | undefined;
  let retry: NodeJS.Timeout | undefined;
  let stopped = false;

  const start = (trigger: JobTrigger): Promise<void> => {
    if (running) return running;
    if (retry) clearTimeout(retry);
    retry = undefined;
    running = (async () => {
      try {
        const outcome = await options.run(trigger);
        if (outcome?.retryInMs !== undefined && !stopped) {
          retry = setTimeout(() => void start("retry"), outcome.retryInMs);
          retry.unref?.();
        }
      } catch (error) {
        options.logger.error({ err: error, job: options.name }, `${options.name} failed; the next run will try again`);
      }
    })().finally(() => (running = undefined));
    return running;
  };

  let nextRun: () => Date | null;
  let stopTimer: () => void;
  if ("ms" in options.every) {
    const timer = setInterval(() => void start("timer"), options.every.ms);
    timer.unref?.();
    const every = options.every.ms;
    const startedAt = Date.now();
    nextRun = () => new Date(startedAt + Math.ceil((Date.now() - startedAt + 1) / every) * every);
    stopTimer = () => clearInterval(timer);
  } else {
    const cron = new Cron(options.every.cron, { timezone: LONDON, protect: true, unref: true }, () => void start("timer"));
    nextRun = () => cron.nextRun();
    stopTimer = () => cron.stop();
  }
  return {
    runNow: () => start("now"),
    nextRun,
    stop() {
      stopped = true;
      stopTimer();
      if (retry) clearTimeout(retry);
      retry = undefined;
    },
    settled: async () => {
      await running;
    },
  };
}

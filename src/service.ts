import type { AddressInfo } from "node:net";
import { compose, type AppContext } from "./composition";
import { ROUTES } from "./commands";
import { createTeamsEdge } from "./bot/bot-endpoint";
import type { Config } from "./config/config";
import type { Logger } from "./logging/logger";
import { createServer } from "./server/create-server";
import { TurnGate } from "./server/turn-gate";
import { registerTabRoutes } from "./server/tab-routes";
import { libraryRoutes } from "./server/library-routes";
import { chartRoutes } from "./server/chart-routes";
import { myDataRoutes } from "./server/my-data-routes";
import { startReminderTimer } from "./scheduler/reminders";
import { openStorage } from "./storage/open-storage";
import { startDigestSchedule, type Schedule } from "./scheduler/digest-schedule";
import { settleBackground } from "./delivery/background";
import { startHousekeeping, type Housekeeping } from "./scheduler/housekeeping";
import type { Storage } from "./storage/open-storage";

export interface RunningService {
  url: string;
  app: AppContext;
  /** The storage the service opened (the health check's, and tests' own reads). */
  storage: Storage;
  /** The weekly digest schedule, unless started with `schedule: false`. */
  schedule?: Schedule;
  /** Reminders, overdue marks and the nomination purge, unless started with `schedule: false`. */
  housekeeping?: Housekeeping;
  stop(): Promise<void>;
}

/** Starts storage and the HTTP service; used by `npm start` and by the tests, which run it for real. */
export async function startService(
  config: Config,
  logger: Logger,
  options: { now?: () => Date; schedule?: boolean; housekeepingEveryMs?: number; turnLimits?: { maxInFlight: number; maxWaiting: number } } = {},
): Promise<RunningService> {
  const storage = await openStorage({ config, logger });
  const teams = createTeamsEdge(config, logger);
  const { app } = compose({ config, logger, storage, messenger: teams.messenger, now: options.now });
  const server = createServer(
    app,
    teams.endpoint(app, ROUTES),
    (routes) => {
      registerTabRoutes(routes, app);
      chartRoutes(app)(routes);
      libraryRoutes(app)(routes);
      myDataRoutes(app)(routes);
    },
    { turns: options.turnLimits && new TurnGate(options.turnLimits.maxInFlight, options.turnLimits.maxWaiting), storage },
  );
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    // A backlog past Node's default 511, so a burst of connections waits for the turn gate instead of being reset.
    server.listen(config.port, config.host, 2048, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const url = `http://${address.address.includes(":") ? `[${address.address}]` : address.address}:${address.port}`;
  if (config.auth.mode === "local") app.publicUrl = url;
  logger.info(
    {
      url,
      storage: storage.description,
      auth: config.auth.mode === "local" ? "local mode: unauthenticated, loopback clients only" : `Bot Framework tokens for app ${config.auth.appId}`,
    },
    `Disparities Hub listening on ${url}/api/messages; storage ${storage.description}; auth ${config.auth.mode}`,
  );
  const schedule = options.schedule === false ? undefined : startDigestSchedule(app);
  if (schedule) logger.info({ next: schedule.nextRun()?.toISOString(), cron: config.digestCron }, "weekly digest scheduled");
  // Action reminders, overdue marks and the purge of closed nominations (every 15 minutes unless a
  // test asks for less); off with the schedule.
  const housekeeping = options.schedule === false ? undefined : startHousekeeping(app, options.housekeepingEveryMs);
  // Hourly: reminds boroughs that have not submitted in the last days before a circulation's deadline.
  const proformaReminders = options.schedule === false ? undefined : startReminderTimer(app);
  return {
    url,
    app,
    storage,
    schedule,
    housekeeping,
    async stop() {
      schedule?.stop();
      housekeeping?.stop();
      proformaReminders?.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await schedule?.settled();
      await housekeeping?.settled();
      await proformaReminders?.settled();
      await settleBackground(app);
      await storage.close();
    },
  };
}

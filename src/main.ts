import { loadConfig, ConfigError } from "./config/config";
import { createLogger } from "./logging/logger";
import { startService } from "./service";
import { storeDemoHeadlinesIfEmpty } from "./headlines/demo-headlines";

/** `npm start`: read the configuration, start storage and the HTTP service, stop cleanly on a signal. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Configuration error: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger({ level: config.logLevel });
  const service = await startService(config, logger);
  storeDemoHeadlinesIfEmpty(service.app.measures, logger, service.app.ladders).catch((error) =>
    logger.warn({ err: error }, "could not store the demo headlines"),
  );
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "stopping");
    await service.stop();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

main().catch((error) => {
  process.stderr.write(`Could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

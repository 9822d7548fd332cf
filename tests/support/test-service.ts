import { loadConfig } from "../../src/config/config";
import { silentLogger } from "../../src/logging/logger";
import { startService, type RunningService } from "../../src/service";
import { startEmbeddedAzurite, type EmbeddedAzurite } from "../../src/storage/embedded-azurite";

/** Starts a real Azurite Table service in this process (in memory, a free port unless given). */
export function startTestAzurite(port?: number): Promise<EmbeddedAzurite> {
  return startEmbeddedAzurite({ port });
}

/**
 * Starts the real service on a free loopback port, on the given Azurite (or its own in-memory one),
 * configured from the given environment like `npm start` would be.
 */
export async function startTestService(
  options: { azurite?: EmbeddedAzurite; env?: Record<string, string>; now?: () => Date; schedule?: boolean; housekeepingEveryMs?: number } = {},
): Promise<RunningService> {
  const env: Record<string, string> = { PORT: "0", LOG_LEVEL: "silent", ...options.env };
  if (options.azurite) env.STORAGE_CONNECTION_STRING = options.azurite.connectionString;
  else if (!env.STORAGE_CONNECTION_STRING && !env.DATA_DIR) env.STORAGE = "memory";
  const config = loadConfig(env);
  // The weekly digest schedule is off unless a test asks for it.
  return startService(config, silentLogger(), { now: options.now, schedule: options.schedule ?? false, housekeepingEveryMs: options.housekeepingEveryMs });
}

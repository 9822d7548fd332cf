import type { Composition } from "../composition";
import type { Config } from "../config/config";
import type { Storage } from "../storage/open-storage";
import type { CliIo } from "./cli-io";

/**
 * Opens the storage the service uses (sharing a running service's embedded Azurite rather than opening
 * its files twice), runs a command-line task against it and closes it. A failure is one line on stderr
 * naming what failed, and exit code 1. Storage code is loaded here, on demand, so a command that needs
 * no storage never pays for the SDK's start-up.
 */
export async function withStorage(
  task: string,
  io: CliIo,
  env: NodeJS.ProcessEnv,
  work: (storage: Storage, config: Config) => Promise<number>,
): Promise<number> {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { loadConfig } = require("../config/config") as typeof import("../config/config");
  const { openStorage } = require("../storage/open-storage") as typeof import("../storage/open-storage");
  /* eslint-enable @typescript-eslint/no-require-imports */
  let config: Config;
  let storage: Storage;
  try {
    config = loadConfig(env);
    storage = await openStorage({ config, shareRunning: true });
  } catch (error) {
    io.err(`cannot open storage: ${(error as Error).message}`);
    return 1;
  }
  try {
    return await work(storage, config);
  } catch (error) {
    io.err(`${task} failed: ${(error as Error).message}`);
    return 1;
  } finally {
    await storage.close();
  }
}

/**
 * Like withStorage, with the service's own composition (the same stores, the same proforma outbox) and
 * a messenger that refuses to send: the command line posts nothing to Teams.
 */
export function withComposition(
  task: string,
  io: CliIo,
  env: NodeJS.ProcessEnv,
  work: (composed: Composition, storage: Storage, config: Config) => Promise<number>,
): Promise<number> {
  return withStorage(task, io, env, async (storage, config) => {
    /* eslint-disable @typescript-eslint/no-require-imports */
    const { compose } = require("../composition") as typeof import("../composition");
    const { silentLogger } = require("../logging/logger") as typeof import("../logging/logger");
    /* eslint-enable @typescript-eslint/no-require-imports */
    const refuse = async () => {
      throw new Error("the command line sends nothing");
    };
    return work(compose({ config, logger: silentLogger(), storage, messenger: { post: refuse, update: refuse } }), storage, config);
  });
}

import type { AdaptiveCard } from "./cards/render-card";
import type { Actor } from "./domain/actor";
import type { Config } from "./config/config";
import type { Logger } from "./logging/logger";
import type { Storage } from "./storage/open-storage";
import type { ProformaStore } from "./proforma/proforma-store";
import { TableProformaStore } from "./proforma/table-proforma-store";

/** What every use case may draw on: configuration, the log, the stores and the clock. */
export interface AppContext {
  config: Config;
  logger: Logger;
  storage: Storage;
  proformas: ProformaStore;
  now: () => Date;
}

export function createAppContext(config: Config, logger: Logger, storage: Storage, now: () => Date = () => new Date()): AppContext {
  return {
    config,
    logger,
    storage,
    proformas: new TableProformaStore(storage),
    now,
  };
}

/** A typed text command: gets the words after the command, answers with a card for the asker. */
export type CommandHandler = (ctx: AppContext, actor: Actor, args: string) => Promise<AdaptiveCard>;

/** A card button's verb: gets the card's data merged with its inputs, answers with the card that replaces it. */
export type VerbHandler = (ctx: AppContext, actor: Actor, data: unknown) => Promise<AdaptiveCard>;

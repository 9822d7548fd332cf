import type { ChannelStore } from "../channels/channel-store";
import type { Config } from "../config/config";
import type { Logger } from "../logging/logger";
import type { Messenger } from "../messaging/messenger";
import type { RunStore } from "./run-store";

/** What delivering a run of cards to channels uses, given at composition (src/composition.ts). */
export interface DeliveryDeps {
  channels: ChannelStore;
  config: Config;
  logger: Logger;
  messenger: Messenger;
  now: () => Date;
  runs: RunStore;
}

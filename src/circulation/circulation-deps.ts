import type { ChannelStore } from "../channels/channel-store";
import type { Logger } from "../logging/logger";
import type { Messenger } from "../messaging/messenger";
import type { ProformaStore } from "../proforma/proforma-store";
import type { CirculationStore } from "./circulation-store";

/** What circulating the proforma and chasing boroughs uses, given at composition (src/composition.ts). */
export interface CirculationDeps {
  channels: ChannelStore;
  circulations: CirculationStore;
  logger: Logger;
  messenger: Messenger;
  now: () => Date;
  proformas: ProformaStore;
}

import type { Logger } from "../logging/logger";
import type { ChannelStore } from "./channel-store";

/** What the channel registry's commands uses, given at composition (src/composition.ts). */
export interface ChannelDeps {
  channels: ChannelStore;
  logger: Logger;
  now: () => Date;
}

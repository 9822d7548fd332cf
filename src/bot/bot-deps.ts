import type { ChannelStore } from "../channels/channel-store";
import type { Config } from "../config/config";
import type { Logger } from "../logging/logger";
import type { PeopleStore } from "../people/people-store";
import type { AuditDeps } from "../audit/audit-deps";

/** What the Teams bot uses, given at composition (src/composition.ts). */
export interface BotDeps extends AuditDeps {
  channels: ChannelStore;
  config: Config;
  logger: Logger;
  now: () => Date;
  people: PeopleStore;
}

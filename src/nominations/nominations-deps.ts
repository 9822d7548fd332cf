import type { ActivityFeed } from "../activity-feed/activity-feed";
import type { ChannelStore } from "../channels/channel-store";
import type { Config } from "../config/config";
import type { LeadStore } from "../leads/lead-store";
import type { Logger } from "../logging/logger";
import type { Notifier } from "../messaging/notifier";
import type { PeopleStore } from "../people/people-store";
import type { NominationStore } from "./nomination-store";

/** What nominating and confirming leads uses, given at composition (src/composition.ts). */
export interface NominationDeps {
  channels: ChannelStore;
  config: Config;
  feed: ActivityFeed;
  leads: LeadStore;
  logger: Logger;
  nominations: NominationStore;
  notifier: Notifier;
  now: () => Date;
  people: PeopleStore;
}

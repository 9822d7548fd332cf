import type { ActivityFeed } from "../activity-feed/activity-feed";
import type { ChannelStore } from "../channels/channel-store";
import type { Logger } from "../logging/logger";
import type { Messenger } from "../messaging/messenger";
import type { Notifier } from "../messaging/notifier";
import type { ProformaStore } from "../proforma/proforma-store";
import type { MeetingStore } from "./meeting-store";

/** Who leads a borough: its lead and deputies, the people its conversations reach one-to-one. */
export interface BoroughLeaders {
  leadersOf(borough: string): Promise<{ tenantId: string; objectId: string }[]>;
}

/** What convening cross-borough conversations uses, given at composition (src/composition.ts). */
export interface MeetingsDeps {
  channels: ChannelStore;
  feed: ActivityFeed;
  leaders: BoroughLeaders;
  logger: Logger;
  meetings: MeetingStore;
  messenger: Messenger;
  notifier: Notifier;
  now: () => Date;
  proformas: ProformaStore;
}

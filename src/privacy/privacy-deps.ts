import type { ActivityFeed } from "../activity-feed/activity-feed";
import type { AuditTrail } from "../audit/audit-trail";
import type { ChannelStore } from "../channels/channel-store";
import type { CirculationStore } from "../circulation/circulation-store";
import type { Config } from "../config/config";
import type { MeetingStore } from "../meetings/meeting-store";
import type { LeadStore } from "../leads/lead-store";
import type { Logger } from "../logging/logger";
import type { NominationStore } from "../nominations/nomination-store";
import type { PeopleStore } from "../people/people-store";
import type { ProformaStore } from "../proforma/proforma-store";
import type { DownloadLinks } from "./download-links";
import type { FeedbackStore } from "../digest/feedback-store";
import type { AuditDeps } from "../audit/audit-deps";

/** What a person's data: my data, erasure and the nomination purge uses, given at composition (src/composition.ts). */
export interface PrivacyDeps extends AuditDeps {
  audit: AuditTrail;
  channels: ChannelStore;
  circulations: CirculationStore;
  config: Config;
  downloads: DownloadLinks;
  feed: ActivityFeed;
  /** Presses of the digest's buttons, listed by my data and deleted by forget. */
  feedback: FeedbackStore;
  leads: LeadStore;
  logger: Logger;
  meetings: MeetingStore;
  nominations: NominationStore;
  now: () => Date;
  people: PeopleStore;
  proformas: ProformaStore;
}

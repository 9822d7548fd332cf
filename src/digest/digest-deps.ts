import type { ActivityFeed } from "../activity-feed/activity-feed";
import type { ChannelStore } from "../channels/channel-store";
import type { ChartStore } from "../charts/chart-store";
import type { CirculationStore } from "../circulation/circulation-store";
import type { MeetingStore } from "../meetings/meeting-store";
import type { RunStore } from "../delivery/run-store";
import type { LadderStore } from "../headlines/ladder-store";
import type { MeasureStore } from "../headlines/measure-store";
import type { LeadStore } from "../leads/lead-store";
import type { Logger } from "../logging/logger";
import type { Messenger } from "../messaging/messenger";
import type { NominationStore } from "../nominations/nomination-store";
import type { ProformaStore } from "../proforma/proforma-store";
import type { ApprovalStore } from "./approval-store";
import type { FeedbackStore } from "./feedback-store";
import type { DeliveryDeps } from "../delivery/delivery-deps";
import type { AuditDeps } from "../audit/audit-deps";

/** What the weekly digest and its data headlines uses, given at composition (src/composition.ts). */
export interface DigestDeps extends DeliveryDeps, AuditDeps {
  approvals: ApprovalStore;
  channels: ChannelStore;
  charts: ChartStore;
  circulations: CirculationStore;
  feed: ActivityFeed;
  feedback: FeedbackStore;
  /** The statutory returns' ladders of intervention and workforce pipeline (suppressed aggregates). */
  ladders: LadderStore;
  leads: LeadStore;
  logger: Logger;
  measures: MeasureStore;
  meetings: MeetingStore;
  messenger: Messenger;
  nominations: NominationStore;
  now: () => Date;
  proformas: ProformaStore;
  /** The service's own address as Teams clients reach it (chart images). */
  publicUrl: string;
  runs: RunStore;
}

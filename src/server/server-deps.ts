import type { ChartStore } from "../charts/chart-store";
import type { ApprovalStore } from "../digest/approval-store";
import type { Config } from "../config/config";
import type { MeetingStore } from "../meetings/meeting-store";
import type { LadderStore } from "../headlines/ladder-store";
import type { MeasureStore } from "../headlines/measure-store";
import type { LeadStore } from "../leads/lead-store";
import type { Logger } from "../logging/logger";
import type { PeopleStore } from "../people/people-store";
import type { DownloadLinks } from "../privacy/download-links";
import type { ProformaStore } from "../proforma/proforma-store";
import type { PrivacyDeps } from "../privacy/privacy-deps";

/** What the HTTP routes of the tab and the health check uses, given at composition (src/composition.ts). */
export interface ServerDeps extends PrivacyDeps {
  /** Which analysis run a second coordinator approved (the Data page says whether its headlines are it). */
  approvals: ApprovalStore;
  charts: ChartStore;
  config: Config;
  downloads: DownloadLinks;
  /** The statutory returns' ladders of intervention and workforce pipeline (suppressed aggregates). */
  ladders: LadderStore;
  leads: LeadStore;
  logger: Logger;
  measures: MeasureStore;
  meetings: MeetingStore;
  now: () => Date;
  people: PeopleStore;
  proformas: ProformaStore;
}

import type { AdaptiveCard } from "./cards/render-card";
import type { Turn } from "./domain/conversation";
import type { Config } from "./config/config";
import type { Logger } from "./logging/logger";
import type { Storage } from "./storage/open-storage";
import { guardedStore } from "./storage/guard-storage";
import type { Messenger } from "./messaging/messenger";
import type { ProformaStore } from "./proforma/proforma-store";
import { TableProformaStore } from "./proforma/table-proforma-store";
import { feedAfterOutbox, ProformaOutbox } from "./proforma/proforma-outbox";
import type { CirculationStore } from "./circulation/circulation-store";
import { TableCirculationStore } from "./circulation/table-circulation-store";
import type { PeopleStore } from "./people/people-store";
import { TablePeopleStore } from "./people/table-people-store";
import { CachedPeopleStore } from "./people/cached-people-store";
import type { ChannelStore } from "./channels/channel-store";
import { TableChannelStore } from "./channels/table-channel-store";
import { TableActivityFeed, type ActivityFeed } from "./activity-feed/activity-feed";
import type { AuditTrail } from "./audit/audit-trail";
import { TableAuditTrail } from "./audit/table-audit-trail";
import type { MeasureStore } from "./headlines/measure-store";
import { TableMeasureStore } from "./headlines/table-measure-store";
import type { LadderStore } from "./headlines/ladder-store";
import { TableLadderStore } from "./headlines/table-ladder-store";
import type { NominationStore } from "./nominations/nomination-store";
import { TableNominationStore } from "./nominations/table-nomination-store";
import type { LeadStore } from "./leads/lead-store";
import { TableLeadStore } from "./leads/table-lead-store";
import type { MeetingStore } from "./convening/meeting-store";
import { TableMeetingStore } from "./convening/table-meeting-store";
import type { RunStore } from "./delivery/run-store";
import { TableRunStore } from "./delivery/table-run-store";
import { TableChartStore, type ChartStore } from "./charts/chart-store";
import { TableApprovalStore, type ApprovalStore } from "./digest/approval-store";
import { TableFeedbackStore, type FeedbackStore } from "./digest/feedback-store";
import { TableDownloadLinks, type DownloadLinks } from "./privacy/download-links";

/** What every use case may draw on: configuration, the log, the stores, the messenger and the clock. */
export interface AppContext {
  config: Config;
  logger: Logger;
  storage: Storage;
  messenger: Messenger;
  proformas: ProformaStore;
  circulations: CirculationStore;
  people: PeopleStore;
  channels: ChannelStore;
  feed: ActivityFeed;
  audit: AuditTrail;
  nominations: NominationStore;
  leads: LeadStore;
  meetings: MeetingStore;
  measures: MeasureStore;
  /** The statutory returns' ladders of intervention and workforce pipeline (suppressed aggregates). */
  ladders: LadderStore;
  runs: RunStore;
  charts: ChartStore;
  approvals: ApprovalStore;
  feedback: FeedbackStore;
  /** The service's own address as Teams clients reach it (chart images); set to the bound port in local mode. */
  publicUrl: string;
  downloads: DownloadLinks;
  now: () => Date;
}

export function createAppContext(options: { config: Config; logger: Logger; storage: Storage; messenger: Messenger; now?: () => Date }): AppContext {
  const { storage } = options;
  const now = options.now ?? (() => new Date());
  const activity = new TableActivityFeed(storage);
  const outbox = new ProformaOutbox(storage.tableClient("proformas"), activity, (error) =>
    options.logger.warn({ err: error }, "a feed row stays in the proforma outbox until the next reader drains it"),
  );
  return {
    config: options.config,
    logger: options.logger,
    storage,
    messenger: options.messenger,
    proformas: new TableProformaStore(storage, outbox),
    circulations: new TableCirculationStore(storage),
    people: new CachedPeopleStore(new TablePeopleStore(storage)),
    channels: new TableChannelStore(storage),
    feed: feedAfterOutbox(activity, outbox),
    audit: new TableAuditTrail(storage),
    nominations: new TableNominationStore(storage),
    leads: new TableLeadStore(storage),
    meetings: new TableMeetingStore(storage),
    downloads: new TableDownloadLinks(storage),
    measures: guardedStore(new TableMeasureStore(storage.tableClient("measures"), storage.tableClient("headlines"), now)),
    ladders: guardedStore(new TableLadderStore(storage.tableClient("ladders"))),
    runs: new TableRunStore(storage),
    charts: new TableChartStore(storage.tableClient("charts")),
    approvals: new TableApprovalStore(storage.tableClient("approvals")),
    feedback: new TableFeedbackStore(storage.tableClient("feedback")),
    publicUrl: options.config.auth.mode === "local" ? `http://127.0.0.1:${options.config.port}` : `https://${options.config.publicHostname}`,
    now,
  };
}

/** A typed text command: gets the words after the command, answers with a card for the asker. */
export type CommandHandler = (ctx: AppContext, turn: Turn, args: string) => Promise<AdaptiveCard>;

/** A card button's verb: gets the card's data merged with its inputs, answers with the card that replaces it. */
export type VerbHandler = (ctx: AppContext, turn: Turn, data: unknown) => Promise<AdaptiveCard>;

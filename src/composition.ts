import type { Config } from "./config/config";
import type { Logger } from "./logging/logger";
import type { Storage } from "./storage/open-storage";
import { guardedStore } from "./storage/guard-storage";
import type { Messenger } from "./messaging/messenger";
import { TableProformaStore } from "./proforma/table-proforma-store";
import { feedAfterOutbox, ProformaOutbox } from "./proforma/proforma-outbox";
import { versionAuditLines } from "./proforma/version-audit-lines";
import { TableCirculationStore } from "./circulation/table-circulation-store";
import { TablePeopleStore } from "./people/table-people-store";
import { CachedPeopleStore } from "./people/cached-people-store";
import { TableChannelStore } from "./channels/table-channel-store";
import { TableActivityFeed } from "./activity-feed/activity-feed";
import { TableAuditTrail } from "./audit/table-audit-trail";
import { TableMeasureStore } from "./headlines/table-measure-store";
import { TableLadderStore } from "./headlines/table-ladder-store";
import { TableNominationStore } from "./nominations/table-nomination-store";
import { TableLeadStore } from "./leads/table-lead-store";
import { boroughLeaders } from "./leads/borough-leaders";
import { TableMeetingStore } from "./meetings/table-meeting-store";
import { TableRunStore } from "./delivery/table-run-store";
import { TableChartStore } from "./charts/chart-store";
import { TableApprovalStore } from "./digest/approval-store";
import { TableFeedbackStore } from "./digest/feedback-store";
import { TableDownloadLinks } from "./privacy/download-links";
import { Notifier } from "./messaging/notifier";
import type { AuditCommandDeps } from "./audit/audit-deps";
import type { BotDeps } from "./bot/bot-deps";
import type { ChannelDeps } from "./channels/channels-deps";
import type { CirculationDeps } from "./circulation/circulation-deps";
import type { MeetingsDeps } from "./meetings/meetings-deps";
import type { DeliveryDeps } from "./delivery/delivery-deps";
import type { DigestDeps } from "./digest/digest-deps";
import type { LeadDeps } from "./leads/leads-deps";
import type { NominationDeps } from "./nominations/nominations-deps";
import type { PeopleDeps } from "./people/people-deps";
import type { PrivacyDeps } from "./privacy/privacy-deps";
import type { ProformaDeps } from "./proforma/proforma-deps";
import type { SchedulerDeps } from "./scheduler/scheduler-deps";
import type { ServerDeps } from "./server/server-deps";

/**
 * Everything the features are given: configuration, the log, the stores, the messenger and notifier,
 * and the clock. Each feature declares what it uses in its own folder (`ProformaDeps`, `DigestDeps`,
 * ...) and receives only that; this type is their sum, and only the service and the command line see it.
 */
export interface AppContext
  extends
    AuditCommandDeps,
    BotDeps,
    ChannelDeps,
    CirculationDeps,
    MeetingsDeps,
    DeliveryDeps,
    DigestDeps,
    LeadDeps,
    NominationDeps,
    PeopleDeps,
    PrivacyDeps,
    ProformaDeps,
    SchedulerDeps,
    ServerDeps {}

/** The composed service: what the features are given, and the proforma outbox's drain for a clean end. */
export interface Composition {
  app: AppContext;
  /** Moves every feed row still waiting in the proforma outbox to the activity feed (the command line, before it exits). */
  drainOutbox(): Promise<number>;
}

/**
 * The one place stores are built: Table implementations over the storage, wired to what each feature
 * declares it needs. Only the service (src/service.ts) and the command line (src/cli/) call it.
 */
export function compose(options: { config: Config; logger: Logger; storage: Storage; messenger: Messenger; now?: () => Date }): Composition {
  const { storage } = options;
  const now = options.now ?? (() => new Date());
  const activity = new TableActivityFeed(storage);
  const outbox = new ProformaOutbox(storage.tableClient("proformas"), activity, (error) =>
    options.logger.warn({ err: error }, "a feed row stays in the proforma outbox until the next reader drains it"),
  );
  const channels = new TableChannelStore(storage);
  const proformas = new TableProformaStore(storage, outbox);
  const leads = new TableLeadStore(storage);
  const app: AppContext = {
    config: options.config,
    logger: options.logger,
    messenger: options.messenger,
    notifier: new Notifier(channels, options.messenger, options.logger),
    proformas,
    recordHistory: (recordId) => versionAuditLines(proformas, recordId),
    circulations: new TableCirculationStore(storage),
    people: new CachedPeopleStore(new TablePeopleStore(storage)),
    channels,
    feed: feedAfterOutbox(activity, outbox),
    audit: new TableAuditTrail(storage),
    nominations: new TableNominationStore(storage),
    leads,
    leaders: boroughLeaders(leads),
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
  return { app, drainOutbox: () => outbox.drain() };
}

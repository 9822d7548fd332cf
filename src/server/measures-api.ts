import { isAreaCode } from "../analysis/geography";
import type { ServerDeps } from "./server-deps";
import { CATALOGUE } from "../analysis/catalogue";
import { disparityEntryStrips, type DisparityEntryStrip } from "../analysis/returns/ladder-types";
import { HubError } from "../domain/errors";
import type { StoredHeadline, StoredMeasure } from "../headlines/measure-store";
import { guardStorage } from "../storage/guard-storage";
import { matchPractice, type PracticeLink } from "../library/practice-match";
import { publishedPractice } from "../library/published-practice";

/** One measure the tab can show: rates by ethnic group, or levels of intervention (a ladder). */
export interface MeasureChoice {
  id: string;
  title: string;
  topic: string;
  unit: string;
  kind: "rate" | "share" | "ladder" | "workforce";
}

/** A headline on the Data page, with the published practice that matches it or the gap in words (as in the digest). */
export type OverviewHeadline = StoredHeadline & { practice: PracticeLink[]; gap: string };

/** What the Data page lists first: the measures it can chart, the latest headlines, and where disparity enters in each borough. */
export interface MeasuresOverview {
  measures: MeasureChoice[];
  headlines: OverviewHeadline[];
  /**
   * Whether a second coordinator approved the run these headlines are of (the two-person rule): only
   * an approved run's headlines go out in the digest, so the page says which these are.
   */
  headlinesApproved: boolean;
  /** From the boroughs' statutory returns: one strip per borough and year (suppressed steps carry no number). */
  ladders: DisparityEntryStrip[];
}

export interface MeasureFigures {
  measure: MeasureChoice;
  rows: StoredMeasure[];
}

/** Measures made from the boroughs' statutory returns (not in the catalogue: they are not read from tidy files). */
const RETURNS: MeasureChoice[] = [
  {
    id: "returns-steps",
    title: "Levels of intervention from the boroughs' returns: each step of the one before",
    topic: "social-care",
    unit: "%",
    kind: "ladder",
  },
  { id: "returns-workforce", title: "Social work staff by seniority from the boroughs' workforce returns", topic: "workforce", unit: "%", kind: "workforce" },
];

const WORKFORCE: MeasureChoice[] = [
  { id: "workforce-share", title: "Children's social work staff by ethnic group and seniority", topic: "workforce", unit: "%", kind: "workforce" },
  { id: "workforce-vs-population", title: "Staff at each level compared with the local population", topic: "workforce", unit: "%", kind: "workforce" },
];

export function measureChoices(): MeasureChoice[] {
  return [
    ...CATALOGUE.measures.map((m): MeasureChoice => ({ id: m.id, title: m.title, topic: m.topic, unit: m.unit, kind: "rate" })),
    ...CATALOGUE.shares.map((m): MeasureChoice => ({ id: m.id, title: m.title, topic: m.topic, unit: "%", kind: "share" })),
    ...CATALOGUE.ladders.map((l): MeasureChoice => ({ id: l.id, title: l.title, topic: l.topic, unit: l.steps[0]?.unit ?? "%", kind: "ladder" })),
    ...RETURNS,
    ...WORKFORCE,
  ];
}

const HEADLINE_LIMIT = 12;

export async function measuresOverview(app: ServerDeps): Promise<MeasuresOverview> {
  const stored = await guardStorage(() => app.measures.latestHeadlines(HEADLINE_LIMIT));
  const approvedRun = stored.length ? await guardStorage(() => app.approvals.approvedRunId()) : undefined;
  const ladders = await guardStorage(() => app.ladders.latestLadders());
  const entries = stored.length ? await guardStorage(() => publishedPractice(app)) : [];
  const headlines = stored.map((h): OverviewHeadline => {
    const answer = matchPractice({ measure: h.measure, level: h.level, group: h.group }, entries);
    return { ...h, practice: answer?.practice ?? [], gap: answer?.gap ?? "" };
  });
  return {
    measures: measureChoices(),
    headlines,
    headlinesApproved: stored.length > 0 && stored[0]!.runId === approvedRun,
    ladders: disparityEntryStrips(ladders).sort((a, b) => a.areaName.localeCompare(b.areaName)),
  };
}

/** One measure's stored figures, optionally for one area; suppressed cells come without numbers. */
export async function measureFigures(app: ServerDeps, query: { measure?: unknown; area?: unknown }): Promise<MeasureFigures> {
  const measure = measureChoices().find((m) => m.id === query.measure);
  if (!measure) throw new HubError("invalid-input", "Choose one of the listed measures.");
  let areaCode: string | undefined;
  if (query.area !== undefined && query.area !== "") {
    if (typeof query.area !== "string" || !isAreaCode(query.area))
      throw new HubError("invalid-input", "The area should be a GSS code such as E09000012 (or east-london).");
    areaCode = query.area;
  }
  const rows = await guardStorage(() => app.measures.listMeasures({ measure: measure.id, areaCode }));
  return { measure, rows };
}

import { isKnown, WHITE_BRITISH, type EthnicGroup } from "../ethnicity";
import { katzRatio } from "../intervals";
import { emptyMeasureRow, type MeasureRow } from "../measure-row";
import { buildLadder, ladderSentence, type Shown } from "../measures/return-ladders";
import { workforceFlows, workforcePipeline } from "../measures/workforce-pipeline";
import { countFor } from "../measures/rates";
import type { ControlledObservation } from "../suppression";
import { controlReturn, MAJOR_GROUPS, MINOR_GROUPS, type ControlledReturn } from "./control-returns";
import { PREVIOUS_STEP, STEP_NAMES, type Ladder, type LadderStepId, type PipelineRow, type WorkforceFlowRow } from "./ladder-types";
import type { ReturnsReadResult } from "./read-returns";

export interface WorkforceVacancies {
  areaCode: string;
  period: string;
  vacanciesFte: number | null;
  agencyFte: number | null;
  agencyHeadcount: number | null;
}

export interface ReturnsAnalysis {
  ladders: Ladder[];
  pipeline: PipelineRow[];
  flows: WorkforceFlowRow[];
  vacancies: WorkforceVacancies[];
  /** The ladders and pipeline as measure rows, for headlines, storage and the tab. */
  measures: MeasureRow[];
}

/** Base populations, in order of preference: a population file by ethnicity, else the school census. */
const BASE_STAGES = ["population-0-17", "pupils"] as const;

interface Base {
  source: string;
  year: number;
  table: ControlledObservation[];
}

/**
 * The base for a borough and year: the latest table at or before the returns' year that gives White
 * British children, from a population file in the tidy shape or else the school census (pupils in
 * the borough's schools, the base Data to Insight's disproportionality tool uses). Always named.
 */
function chooseBase(base: readonly ControlledObservation[], areaCode: string, year: number): Base | null {
  for (const stage of BASE_STAGES) {
    const tables = new Map<string, ControlledObservation[]>();
    for (const o of base) {
      if (o.stage !== stage || o.areaCode !== areaCode || o.year > year || o.level !== null) continue;
      const k = `${o.year}|${o.source}`;
      const t = tables.get(k);
      if (t) t.push(o);
      else tables.set(k, [o]);
    }
    const usable = [...tables.values()].filter((t) => countFor(WHITE_BRITISH, t)).sort((a, b) => b[0]!.year - a[0]!.year);
    const t = usable[0];
    if (!t) continue;
    const gap = year - t[0]!.year;
    const what = stage === "pupils" ? `school census pupils in the borough's schools, ${t[0]!.period}` : `children aged 0-17, ${t[0]!.period}`;
    return {
      source: `${what} (${t[0]!.source}${gap > 0 ? `; the latest available, ${gap} year${gap > 1 ? "s" : ""} before the returns` : ""})`,
      year: t[0]!.year,
      table: t,
    };
  }
  return null;
}

const STEP_OUTCOMES: Partial<Record<LadderStepId, string>> = {
  referral: "to be referred to children's social care",
  assessment: "to have an assessment completed, once referred",
  s47: "to have a section 47 enquiry, once assessed",
  icpc: "to have an initial child protection conference, once a section 47 enquiry began",
  "cpp-start": "to start a child protection plan, once a conference was held",
  "cin-31march": "to be a child in need on 31 March",
  "cpp-31march": "to be on a child protection plan on 31 March, when in need",
  "cla-31march": "to be looked after on 31 March, when in need",
  "cla-start": "to start being looked after",
};

function laddersFor(
  cin: ControlledReturn | undefined,
  cla: ControlledReturn | undefined,
  base: readonly ControlledObservation[],
): { ladders: Ladder[]; measures: MeasureRow[] } {
  const first = (cin ?? cla)!;
  const chosen = chooseBase(base, first.areaCode, Number(first.period));
  const count = (step: LadderStepId, g: EthnicGroup): Shown | undefined => {
    if (step === "base") {
      if (!chosen) return { value: null, hidden: "no base population by ethnicity was loaded" };
      const c = countFor(g, chosen.table);
      return c ? { value: c.hidden ? null : c.value, hidden: c.hidden } : { value: null, hidden: "the base population does not give this group" };
    }
    const from = step === "cla-31march" || step === "cla-start" ? cla : cin;
    const cell = from?.cells.get(step)?.get(g.key);
    return cell ? { value: cell.value, hidden: cell.hidden } : undefined;
  };
  const sources = [...(cin?.sources ?? []), ...(cla?.sources ?? [])];
  const synthetic = Boolean(cin?.synthetic || cla?.synthetic);
  const ladders: Ladder[] = [];
  const measures: MeasureRow[] = [];
  const groups: [EthnicGroup, "minor" | "major"][] = [
    ...MAJOR_GROUPS.map((g): [EthnicGroup, "major"] => [g, "major"]),
    ...MINOR_GROUPS.filter((g) => g.key !== WHITE_BRITISH.key && !MAJOR_GROUPS.some((m) => m.key === g.key)).map((g): [EthnicGroup, "minor"] => [g, "minor"]),
  ];
  for (const [group, groupLevel] of groups) {
    if (!isKnown(group)) continue;
    const reached = (["referral", "cin-31march", "cla-31march"] as LadderStepId[]).some((s) => {
      const c = count(s, group);
      return c && (c.hidden !== null || (c.value ?? 0) > 0);
    });
    if (!reached) continue;
    const ladder = buildLadder({
      areaCode: first.areaCode,
      areaName: first.areaName,
      period: first.period,
      group,
      groupLevel,
      baseSource: chosen?.source ?? "no base population loaded",
      count,
      sources,
      synthetic,
    });
    ladder.uasc = uascFigures(cla, group, count);
    ladder.sentence = ladderSentence(ladder);
    ladders.push(ladder);
    measures.push(...ladderRows(ladder, count, group));
  }
  return { ladders, measures };
}

/**
 * UASC apart: how many of the looked-after children are unaccompanied asylum seekers, and the step
 * ratio without them, (rest_g / previous_g) / (rest_ref / previous_ref) with the previous step's
 * counts as in the ladder (children in need on 31 March; the base for starters).
 */
function uascFigures(cla: ControlledReturn | undefined, group: EthnicGroup, count: (s: LadderStepId, g: EthnicGroup) => Shown | undefined): Ladder["uasc"] {
  if (!cla) return [];
  return (["cla-31march", "cla-start"] as const).map((step) => {
    const uasc = cla.cells.get(`uasc-${step}`)?.get(group.key);
    const rest = cla.cells.get(`nonuasc-${step}`)?.get(group.key);
    const refRest = cla.cells.get(`nonuasc-${step}`)?.get(WHITE_BRITISH.key);
    const prev = count(PREVIOUS_STEP[step]!, group);
    const refPrev = count(PREVIOUS_STEP[step]!, WHITE_BRITISH);
    const r =
      rest?.value != null && refRest?.value != null && prev?.value && refPrev?.value ? katzRatio(rest.value, prev.value, refRest.value, refPrev.value) : null;
    return { step, count: uasc?.value ?? null, stepRatioWithout: r?.value ?? null, low: r?.low ?? null, high: r?.high ?? null };
  });
}

/** Each step as a measure row: rate of the step before, step ratio to White British (for headlines and the tab). */
function ladderRows(l: Ladder, count: (s: LadderStepId, g: EthnicGroup) => Shown | undefined, group: EthnicGroup): MeasureRow[] {
  return l.steps
    .filter((s) => s.step !== "base")
    .map((s, i) => {
      const prev = PREVIOUS_STEP[s.step]!;
      const refHere = count(s.step, WHITE_BRITISH);
      const refPrev = count(prev, WHITE_BRITISH);
      const k =
        s.count !== null && s.previousCount !== null && refHere?.value != null && refPrev?.value
          ? katzRatio(s.count, s.previousCount, refHere.value, refPrev.value)
          : null;
      const row = emptyMeasureRow({
        measure: "returns-steps",
        topic: "social-care",
        title: "Levels of intervention from the boroughs' statutory returns",
        areaCode: l.areaCode,
        areaName: l.areaName,
        geography: "local authority",
        period: l.period,
        year: Number(l.period),
        group: l.group,
        groupKey: group.key,
        level: `${String(i + 1).padStart(2, "0")} ${STEP_NAMES[s.step]} (of ${STEP_NAMES[prev]})`,
        unit: "%",
        denominatorStage: prev === "base" ? l.baseSource : STEP_NAMES[prev],
        method: "percentage of the step before; step ratio to White British with Katz log 95% CI (chained relative rate index)",
        source: l.sources.join(", "),
        synthetic: l.synthetic,
        outcome: STEP_OUTCOMES[s.step] ?? null,
        unknownShare: null,
      });
      const shown = s.count !== null && s.previousCount !== null && s.rate !== null;
      return {
        ...row,
        numerator: shown ? s.count : null,
        denominator: shown ? s.previousCount : null,
        value: shown ? s.rate : null,
        referenceGroup: l.referenceGroup,
        ratio: k?.value ?? null,
        ratioLow: k?.low ?? null,
        ratioHigh: k?.high ?? null,
        ratioSe: k?.se ?? null,
        reference:
          k && refHere?.value != null && refPrev?.value
            ? { numerator: refHere.value, denominator: refPrev.value, value: (100 * refHere.value) / refPrev.value }
            : null,
        suppressed: s.suppressed,
        note: s.note,
      };
    });
}

function pipelineRows(rows: readonly PipelineRow[]): MeasureRow[] {
  return rows.map((p) => ({
    ...emptyMeasureRow({
      measure: "returns-workforce",
      topic: "workforce",
      title: "Social work staff by ethnic group and seniority, from the boroughs' workforce census returns",
      areaCode: p.areaCode,
      areaName: p.areaName,
      geography: "local authority",
      period: p.period,
      year: Number(p.period),
      group: p.group,
      groupKey: p.group,
      level: p.role.replace(/-/g, " "),
      unit: "%",
      denominatorStage: "employed staff of known ethnicity at this role",
      method: "percentage of known ethnicity, ratio to the share at the role before with Katz log 95% CI",
      source: "CSWW return",
      synthetic: p.synthetic,
      outcome: null,
      unknownShare: null,
    }),
    numerator: p.count,
    denominator: p.known,
    value: p.share,
    referenceGroup: p.previousRole ? `${p.group} at ${p.previousRole.replace(/-/g, " ")}` : null,
    ratio: p.ratioToPreviousRole,
    ratioLow: p.ratioLow,
    ratioHigh: p.ratioHigh,
    suppressed: p.suppressed,
    note: p.note,
  }));
}

/**
 * The measure rows kept in storage for the tab's charts: the ladder steps of the major groups and the
 * pipeline. Minor groups stay in the stored ladders (and in headlines), which keeps a run's writes small.
 */
export function storedReturnMeasures(r: ReturnsAnalysis): MeasureRow[] {
  const majors = new Set(MAJOR_GROUPS.map((g) => g.key));
  return r.measures.filter((m) => m.measure !== "returns-steps" || majors.has(m.groupKey));
}

/** Ladders, pipeline and flows from the returns read, with the base population from the public files. */
export function analyseReturns(read: ReturnsReadResult, base: readonly ControlledObservation[]): ReturnsAnalysis {
  const controlled = read.returns.map(controlReturn);
  const key = (r: ControlledReturn) => `${r.areaCode}|${r.period}`;
  const places = [...new Set(controlled.filter((r) => r.kind !== "csww").map(key))].sort();
  const ladders: Ladder[] = [];
  const measures: MeasureRow[] = [];
  for (const place of places) {
    const cin = controlled.find((r) => r.kind === "cin-census" && key(r) === place);
    const cla = controlled.find((r) => r.kind === "ssda903" && key(r) === place);
    const out = laddersFor(cin, cla, base);
    ladders.push(...out.ladders);
    measures.push(...out.measures);
  }
  const workforce = controlled.filter((r) => r.kind === "csww").sort((a, b) => key(a).localeCompare(key(b)));
  const pipeline = workforce.flatMap(workforcePipeline);
  for (const r of workforce) {
    const src = r.sources.join(", ");
    measures.push(...pipelineRows(pipeline.filter((p) => p.areaCode === r.areaCode && p.period === r.period)).map((m) => ({ ...m, source: src })));
  }
  return {
    ladders,
    pipeline,
    flows: workforce.flatMap(workforceFlows),
    vacancies: workforce.map((r) => ({
      areaCode: r.areaCode,
      period: r.period,
      vacanciesFte: r.figures.NumberOfVacancies ?? null,
      agencyFte: r.figures.NoAgencyFTE ?? null,
      agencyHeadcount: r.figures.NoAgencyHeadcount ?? null,
    })),
    measures,
  };
}

import type { Topic, Unit } from "../catalogue";
import { twoSidedP } from "../distributions";
import { fisherExact, rateRatioMidP } from "../exact-tests";
import { coverOf, isKnown, KNOWN_GROUP, othersOf, TOTAL_GROUP, UNKNOWN_GROUP, WHITE, WHITE_BRITISH, type EthnicGroup } from "../ethnicity";
import { emptyMeasureRow, tableCellIdentity, type MeasureBase, type MeasureRow } from "../measure-row";
import { splitBySource, type ObservationIndex } from "../observation-index";
import { derivedCountHidden, type ControlledObservation } from "../suppression";
import { figure, ratio } from "./figure";

export interface RateSpec {
  id: string;
  topic: Topic;
  title: string;
  outcome: string | null;
  numerator: string;
  /** The one base this rate is divided by (no fallback to another population when it is missing). */
  denominator: string;
  unit: Unit;
  /** Row label for levels of intervention (ladder steps); null for plain measures. */
  level: string | null;
}

/** A count for a group from a table: the cell itself, or a sum of cells making up the group. */
export interface GroupCount {
  value: number | null;
  hidden: string | null;
  derived: boolean;
  sources: string[];
  synthetic: boolean;
  /** The coarsest rounding the source applied to any part (nearest 5 or 10), or null. */
  countRounding: number | null;
  /** The cells summed, for looking up what the source published beside them. */
  parts: ControlledObservation[];
}

/** Counts already made, by table and group key: the same table is asked for the same group many times. */
const counted = new WeakMap<readonly ControlledObservation[], Map<string, GroupCount | null>>();

export function countFor(group: EthnicGroup, table: readonly ControlledObservation[]): GroupCount | null {
  let byGroup = counted.get(table);
  if (!byGroup) counted.set(table, (byGroup = new Map()));
  let count = byGroup.get(group.key);
  if (count === undefined) byGroup.set(group.key, (count = countUncached(group, table)));
  return count;
}

function countUncached(group: EthnicGroup, table: readonly ControlledObservation[]): GroupCount | null {
  const parts = coverOf(group, table);
  if (!parts) return null;
  const hidden = parts.find((p) => p.hidden)?.hidden ?? null;
  const sources = [...new Set(parts.map((p) => p.source))];
  const synthetic = parts.some((p) => p.synthetic);
  const roundings = parts.map((p) => p.countRounding ?? 0);
  const countRounding = Math.max(0, ...roundings) || null;
  const derived = parts.length > 1;
  if (hidden) return { value: null, hidden, derived, sources, synthetic, countRounding, parts };
  const value = parts.reduce((s, p) => s + (p.count.value ?? 0), 0);
  return { value, hidden: derived ? derivedCountHidden(value) : null, derived, sources, synthetic, countRounding, parts };
}

/** Plain words for each stage used as a base, where the dataset does not describe it itself. */
export const STAGE_DESCRIPTIONS: Record<string, string> = {
  "population-0-17": "children aged 0-17",
  "population-10-17": "children aged 10-17",
  "population-all-ages": "residents of all ages",
  pupils: "pupils on school rolls",
  cin: "children in need",
  cla: "children looked after",
  suspension: "pupils suspended at least once",
  "yj-first-time-entrant": "first-time entrants to the youth justice system",
  workforce: "staff of known ethnicity",
};

/** Pupils are the natural base for education and SEND; elsewhere they stand in for a missing population. */
export function schoolCensusAsProxy(spec: { topic: Topic }, stage: string): boolean {
  return stage === "pupils" && spec.topic !== "education" && spec.topic !== "send";
}

/**
 * The base a count was divided by: its stage, source dataset, plain description, and its series.
 * The series is the dataset's (or a series several datasets share, e.g. the ONS mid-year estimates
 * DfE republishes), changed from a year on where the dataset records a change of coverage, so that
 * change over time is only stated within one series.
 */
export function baseOf(index: ObservationIndex, stage: string, o: ControlledObservation, topic: Topic): MeasureBase {
  const spec = index.dataset(o.datasetId)?.bases?.[stage];
  const brk = (spec?.breaks ?? []).filter((b) => o.year >= b.fromYear).sort((a, b) => b.fromYear - a.fromYear)[0];
  return {
    stage,
    dataset: o.datasetId,
    description: spec?.description ?? STAGE_DESCRIPTIONS[stage] ?? stage,
    series: brk?.series ?? spec?.series ?? `${o.datasetId}:${stage}`,
    seriesNote: brk?.note ?? null,
    proxy: schoolCensusAsProxy({ topic }, stage),
  };
}

interface Denominator {
  stage: string;
  count: GroupCount;
  base: MeasureBase;
}

function chooseDenominator(spec: RateSpec, index: ObservationIndex, t0: ControlledObservation, group: EthnicGroup): Denominator | null {
  // The measure's one base: the same file first (e.g. an exclusions file's own headcount), then other
  // files in catalogue order. The base's series is recorded, so a change of source shows as a break.
  const parts = splitBySource(index.table(spec.denominator, t0.areaCode, t0.year, null)).sort(
    (a, b) => Number(b[0]!.source === t0.source) - Number(a[0]!.source === t0.source),
  );
  for (const part of parts) {
    const count = countFor(group, part);
    if (count) return { stage: spec.denominator, count, base: baseOf(index, spec.denominator, part[0]!, spec.topic) };
  }
  return null;
}

function noteOf(parts: (string | null | undefined)[]): string | null {
  const text = parts.filter(Boolean).join("; ");
  return text || null;
}

/** Smallest count on either side before a comparison may be marked significant. */
export const MIN_COUNT_FOR_SIGNIFICANCE = 5;
/** Below this count on either side the test is exact, not the normal approximation. */
const EXACT_BELOW = 10;

/**
 * The test of a group's rate against the reference's. Counts of 10 or more on both sides: the Katz
 * statistic ln(RR)/SE against the normal distribution. Fewer: an exact test, Fisher's exact test for
 * a percentage of a base that contains the counted, the exact conditional (binomial) test with mid-p
 * for a rate per 10,000 or per 100. No comparison resting on fewer than 5 on either side is ever
 * called significant, whatever its p-value.
 */
export function testRatio(a: number, n1: number, c: number, n2: number, unit: Unit, se: number, ratioValue: number) {
  const small = Math.min(a, c) < EXACT_BELOW;
  const pValue = !small
    ? twoSidedP(Math.log(ratioValue) / se)
    : unit === "%" && a <= n1 && c <= n2
      ? fisherExact(a, n1 - a, c, n2 - c)
      : rateRatioMidP(a, n1, c, n2);
  const test = !small ? "Katz log z test" : unit === "%" ? "Fisher's exact test" : "exact conditional test (mid-p)";
  return { pValue, test, significant: Math.min(a, c) >= MIN_COUNT_FOR_SIGNIFICANCE && pValue < 0.05 };
}

/** The value to show: the source's own rate where it published one for this count on this base (same file), else ours. */
function valueFor(index: ObservationIndex, num: GroupCount, den: Denominator, computed: number): { value: number; source: "published" | "computed" } {
  const cell = num.parts.length === 1 ? num.parts[0]! : null;
  const sameFile = cell && den.count.sources.length === 1 && den.count.sources[0] === cell.source;
  const published = cell && sameFile ? index.publishedFigure(cell, "rate") : null;
  return published === null ? { value: computed, source: "computed" } : { value: published, source: "published" };
}

/** Rates for every group in each numerator table, with ratios to White British (or White) and to all others. */
export function computeRates(spec: RateSpec, index: ObservationIndex): MeasureRow[] {
  const rows: MeasureRow[] = [];
  for (const table of index.tablesBySource(spec.numerator)) {
    const t0 = table[0]!;
    const groups = table
      .filter((o) => !o.derived)
      .map((o) => o.group)
      .filter((g) => g.key !== KNOWN_GROUP.key && g.key !== UNKNOWN_GROUP.key && (isKnown(g) || g.key === TOTAL_GROUP.key));
    const hasGroups = groups.some((g) => g.key !== TOTAL_GROUP.key);
    // A rate per pupil stands in for a population by ethnic group: it is made only for split tables.
    if (!hasGroups && schoolCensusAsProxy(spec, spec.denominator)) continue;
    // A base held only as a total (e.g. the ONS 0-17 estimate) gives no rate by ethnic group: those
    // groups belong to a measure whose base is split the same way, not to "no base" rows here.
    const baseTables = index.table(spec.denominator, t0.areaCode, t0.year, null);
    const baseSplit = baseTables.length === 0 ? index.splitByEthnicity(spec.denominator) : baseTables.some((o) => o.group.key !== TOTAL_GROUP.key);
    const shownGroups = baseSplit ? groups : groups.filter((g) => g.key === TOTAL_GROUP.key);
    const unknown = hasGroups && baseSplit ? countFor(UNKNOWN_GROUP, table) : null;
    const total = countFor(TOTAL_GROUP, table);
    const unknownShare = unknown?.value != null && total?.value ? (100 * unknown.value) / total.value : null;
    const reference = [WHITE_BRITISH, WHITE].find((g) => groups.some((x) => x.key === g.key)) ?? null;
    const computed = new Map<string, Computed>();
    const compute = (g: EthnicGroup): Computed => {
      let c = computed.get(g.key);
      if (c === undefined) {
        const num = countFor(g, table);
        c = num ? { num, den: chooseDenominator(spec, index, t0, g) } : null;
        computed.set(g.key, c);
      }
      return c;
    };
    for (const group of shownGroups) {
      const c = compute(group)!;
      const base = rowBase(spec, t0, group, unknownShare, c.num);
      const { num, den } = c;
      const denHidden = den?.count.hidden ?? null;
      if (num.hidden || denHidden || num.value === null) {
        rows.push({ ...base, suppressed: true, note: noteOf([num.hidden ?? denHidden]) });
        continue;
      }
      if (!den || den.count.value === null || den.count.value <= 0) {
        // The count is known (and shown); only the base is missing. Not a suppression.
        const what = STAGE_DESCRIPTIONS[spec.denominator] ?? spec.denominator;
        rows.push({
          ...base,
          numerator: num.value,
          noBase: true,
          note: `no base: ${what} in ${group.name === "All" ? "total" : "this group"} for ${t0.period} are not among the files loaded`,
        });
        continue;
      }
      const f = figure(num.value, den.count.value, spec.unit);
      const shown = valueFor(index, num, den, f.value);
      const filled: MeasureRow = {
        ...base,
        numerator: num.value,
        denominator: den.count.value,
        value: shown.value,
        valueSource: shown.source,
        ciLow: f.low,
        ciHigh: f.high,
        method: f.method,
        denominatorStage: den.base.proxy ? "pupils (school census as proxy population)" : den.stage,
        base: den.base,
        note: noteOf([den.base.proxy ? PROXY_NOTE : null, shown.source === "published" ? "value as published by the source; interval from the counts" : null]),
        source: [...new Set([...num.sources, ...den.count.sources])].join(", "),
        synthetic: num.synthetic || den.count.synthetic,
      };
      const vsRef =
        reference && group.key !== reference.key && group.key !== TOTAL_GROUP.key ? compare(index, filled, compute(reference), den, spec.unit) : null;
      rows.push(vsRef ? { ...filled, referenceGroup: reference!.name, ...vsRef } : filled);
      if (group.key !== TOTAL_GROUP.key) {
        const others = othersOf(group);
        const vsOthers = compare(index, filled, compute(others), den, spec.unit);
        if (vsOthers) rows.push({ ...filled, measure: `${spec.id}-vs-others`, referenceGroup: "All other groups", ...vsOthers });
      }
    }
    if (hasGroups && unknown && total) rows.push(unknownRow(spec, t0, unknown, total, unknownShare));
  }
  return rows;
}

/** Why a rate per pupil is shown at all: in words that are true (Census 2021 does count children by ethnic group). */
export const PROXY_NOTE =
  "base: pupils on school rolls (school census) stand in for resident children; Census 2021 counts children by ethnic group, but those figures for ages 0-17 are not among the files loaded";

type Computed = { num: GroupCount; den: Denominator | null } | null;

function compare(index: ObservationIndex, row: MeasureRow, ref: Computed, den: Denominator, unit: Unit): Partial<MeasureRow> | null {
  // Only like with like: the reference's base must be the same stage from the same series.
  if (!ref || !ref.den || ref.den.stage !== den.stage || ref.den.base.series !== den.base.series) return null;
  const a = ref.num.value;
  const n = ref.den.count.value;
  if (ref.num.hidden || ref.den.count.hidden || a === null || n === null || n <= 0) return null;
  const r = ratio(row.numerator!, row.denominator!, a, n);
  const refFigure = figure(a, n, unit);
  const test = r ? testRatio(row.numerator!, row.denominator!, a, n, unit, r.se, r.value) : null;
  return {
    ratio: r?.value ?? null,
    ratioLow: r?.low ?? null,
    ratioHigh: r?.high ?? null,
    ratioSe: r?.se ?? null,
    pValue: test?.pValue ?? null,
    test: test?.test ?? null,
    significant: test?.significant ?? null,
    reference: { numerator: a, denominator: n, value: valueFor(index, ref.num, ref.den, refFigure.value).value },
    method: `${row.method}; ratio with Katz log 95% CI`,
  };
}

function rowBase(spec: RateSpec, t0: ControlledObservation, group: EthnicGroup, unknownShare: number | null, num: GroupCount): MeasureRow {
  return emptyMeasureRow({
    measure: spec.id,
    topic: spec.topic,
    title: spec.title,
    ...tableCellIdentity(t0, group),
    level: spec.level,
    unit: spec.unit,
    denominatorStage: null,
    method: spec.unit === "%" ? "percentage, Wilson 95% CI" : `rate ${spec.unit}, Byar / exact Poisson 95% CI`,
    source: num.sources.join(", "),
    countRounding: num.countRounding,
    synthetic: num.synthetic,
    outcome: spec.outcome,
    unknownShare,
  });
}

function unknownRow(spec: RateSpec, t0: ControlledObservation, unknown: GroupCount, total: GroupCount, share: number | null): MeasureRow {
  const base = rowBase({ ...spec, id: `${spec.id}-unknown-ethnicity`, unit: "%", outcome: null }, t0, UNKNOWN_GROUP, share, unknown);
  const hidden = unknown.hidden ?? total.hidden;
  if (hidden || unknown.value === null || !total.value) return { ...base, suppressed: Boolean(hidden), note: hidden };
  const f = figure(unknown.value, total.value, "%");
  return {
    ...base,
    numerator: unknown.value,
    denominator: total.value,
    value: f.value,
    ciLow: f.low,
    ciHigh: f.high,
    method: f.method,
    note: "share of the count whose ethnicity is unknown or refused",
  };
}

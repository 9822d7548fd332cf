import type { Topic, Unit } from "../catalogue";
import { coverOf, isKnown, KNOWN_GROUP, othersOf, TOTAL_GROUP, UNKNOWN_GROUP, WHITE, WHITE_BRITISH, type EthnicGroup } from "../ethnicity";
import { emptyMeasureRow, type MeasureRow } from "../measure-row";
import { splitBySource, type ObservationIndex } from "../observation-index";
import { derivedCountHidden, type ControlledObservation } from "../suppression";
import { figure, ratio } from "./figure";

export interface RateSpec {
  id: string;
  topic: Topic;
  title: string;
  outcome: string | null;
  numerator: string;
  denominators: string[];
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
}

export function countFor(group: EthnicGroup, table: readonly ControlledObservation[]): GroupCount | null {
  const parts = coverOf(group, table);
  if (!parts) return null;
  const hidden = parts.find((p) => p.hidden)?.hidden ?? null;
  const sources = [...new Set(parts.map((p) => p.source))];
  const synthetic = parts.some((p) => p.synthetic);
  if (hidden) return { value: null, hidden, derived: parts.length > 1, sources, synthetic };
  const value = parts.reduce((s, p) => s + (p.count.value ?? 0), 0);
  const derived = parts.length > 1;
  return { value, hidden: derived ? derivedCountHidden(value) : null, derived, sources, synthetic };
}

export const DENOMINATOR_NOTES: Record<string, string> = {
  pupils: "denominator: school census pupils in the area's schools, as no resident child population by ethnicity exists",
  "population-0-17": "denominator: ONS mid-year estimate of children aged 0-17",
  "population-10-17": "denominator: children aged 10-17",
};

function chooseDenominator(spec: RateSpec, index: ObservationIndex, t0: ControlledObservation, group: EthnicGroup) {
  // Same file first (e.g. an exclusions file's own headcount), then other files in catalogue order.
  for (const stage of spec.denominators) {
    const parts = splitBySource(index.table(stage, t0.areaCode, t0.year, null)).sort(
      (a, b) => Number(b[0]!.source === t0.source) - Number(a[0]!.source === t0.source),
    );
    for (const part of parts) {
      const count = countFor(group, part);
      if (count) return { stage, count };
    }
  }
  return null;
}

/** Pupils are the natural base for education and SEND; elsewhere they stand in for a missing population. */
export function schoolCensusAsProxy(spec: { topic: Topic }, stage: string): boolean {
  return stage === "pupils" && spec.topic !== "education" && spec.topic !== "send";
}

function noteOf(parts: (string | null | undefined)[]): string | null {
  const text = parts.filter(Boolean).join("; ");
  return text || null;
}

/** Rates for every group in each numerator table, with ratios to White British (or White) and to all others. */
export function computeRates(spec: RateSpec, index: ObservationIndex): MeasureRow[] {
  const rows: MeasureRow[] = [];
  for (const table of index.tablesBySource(spec.numerator)) {
    const t0 = table[0]!;
    const groups = table
      .map((o) => o.group)
      .filter((g) => g.key !== KNOWN_GROUP.key && g.key !== UNKNOWN_GROUP.key && (isKnown(g) || g.key === TOTAL_GROUP.key));
    const hasGroups = groups.some((g) => g.key !== TOTAL_GROUP.key);
    const unknown = hasGroups ? countFor(UNKNOWN_GROUP, table) : null;
    const total = countFor(TOTAL_GROUP, table);
    const unknownShare = unknown?.value != null && total?.value ? (100 * unknown.value) / total.value : null;
    const reference = [WHITE_BRITISH, WHITE].find((g) => groups.some((x) => x.key === g.key)) ?? null;
    const computed = new Map<string, { num: GroupCount; den: { stage: string; count: GroupCount } | null }>();
    const compute = (g: EthnicGroup) => {
      let c = computed.get(g.key);
      if (!c) {
        const num = countFor(g, table);
        if (!num) return null;
        computed.set(g.key, (c = { num, den: chooseDenominator(spec, index, t0, g) }));
      }
      return c;
    };
    for (const group of groups) {
      const c = compute(group)!;
      const base = rowBase(spec, t0, group, unknownShare, c.num);
      const { num, den } = c;
      const denHidden = den?.count.hidden ?? null;
      if (num.hidden || !den || denHidden || num.value === null || den.count.value === null || den.count.value <= 0) {
        rows.push({
          ...base,
          suppressed: Boolean(num.hidden || denHidden),
          note: noteOf([num.hidden ?? denHidden ?? (den ? null : "no denominator for this group")]),
        });
        continue;
      }
      const f = figure(num.value, den.count.value, spec.unit);
      const filled: MeasureRow = {
        ...base,
        numerator: num.value,
        denominator: den.count.value,
        value: f.value,
        ciLow: f.low,
        ciHigh: f.high,
        method: f.method,
        denominatorStage: schoolCensusAsProxy(spec, den.stage) ? "pupils (school census as proxy population)" : den.stage,
        note: noteOf([
          schoolCensusAsProxy(spec, den.stage) ? DENOMINATOR_NOTES.pupils : den.stage !== spec.denominators[0] ? DENOMINATOR_NOTES[den.stage] : null,
        ]),
        source: [...new Set([...num.sources, ...den.count.sources])].join(", "),
        synthetic: num.synthetic || den.count.synthetic,
      };
      const vsRef =
        reference && group.key !== reference.key && group.key !== TOTAL_GROUP.key ? compare(filled, compute(reference), den.stage, spec.unit) : null;
      rows.push(vsRef ? { ...filled, referenceGroup: reference!.name, ...vsRef } : filled);
      if (group.key !== TOTAL_GROUP.key) {
        const others = othersOf(group);
        const vsOthers = compare(filled, compute(others), den.stage, spec.unit);
        if (vsOthers) rows.push({ ...filled, measure: `${spec.id}-vs-others`, referenceGroup: "All other groups", ...vsOthers });
      }
    }
    if (hasGroups && unknown && total) rows.push(unknownRow(spec, t0, unknown, total, unknownShare));
  }
  return rows;
}

type Computed = { num: GroupCount; den: { stage: string; count: GroupCount } | null } | null;

function compare(row: MeasureRow, ref: Computed, denominatorStage: string, unit: Unit): Partial<MeasureRow> | null {
  if (!ref || !ref.den || ref.den.stage !== denominatorStage) return null;
  const a = ref.num.value;
  const n = ref.den.count.value;
  if (ref.num.hidden || ref.den.count.hidden || a === null || n === null || n <= 0) return null;
  const r = ratio(row.numerator!, row.denominator!, a, n);
  const refFigure = figure(a, n, unit);
  return {
    ratio: r?.value ?? null,
    ratioLow: r?.low ?? null,
    ratioHigh: r?.high ?? null,
    ratioSe: r?.se ?? null,
    reference: { numerator: a, denominator: n, value: refFigure.value },
    method: `${row.method}; ratio with Katz log 95% CI`,
  };
}

function rowBase(spec: RateSpec, t0: ControlledObservation, group: EthnicGroup, unknownShare: number | null, num: GroupCount): MeasureRow {
  return emptyMeasureRow({
    measure: spec.id,
    topic: spec.topic,
    title: spec.title,
    areaCode: t0.areaCode,
    areaName: t0.areaName,
    geography: t0.geography,
    period: t0.period,
    year: t0.year,
    group: group.name,
    groupKey: group.key,
    level: spec.level,
    unit: spec.unit,
    denominatorStage: null,
    method: spec.unit === "%" ? "percentage, Wilson 95% CI" : "rate per 10,000, Byar / exact Poisson 95% CI",
    source: num.sources.join(", "),
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

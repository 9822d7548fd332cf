import type { Catalogue } from "../catalogue";
import { BROAD_GROUPS, broadGroup, KNOWN_GROUP, UNKNOWN_GROUP, TOTAL_GROUP, type EthnicGroup } from "../ethnicity";
import { emptyMeasureRow, type MeasureRow } from "../measure-row";
import type { ObservationIndex } from "../observation-index";
import type { ControlledObservation } from "../suppression";
import { countFor, type GroupCount } from "./rates";
import { figure, ratio } from "./figure";

type Share = { count: GroupCount; known: GroupCount };

function shareOf(group: EthnicGroup, table: readonly ControlledObservation[]): Share | null {
  const count = countFor(group, table);
  const known = countFor(KNOWN_GROUP, table);
  return count && known ? { count, known } : null;
}

function usable(s: Share | null): s is Share & { count: { value: number }; known: { value: number } } {
  return Boolean(s && !s.count.hidden && !s.known.hidden && s.count.value !== null && s.known.value);
}

/**
 * Workforce diversity by level (reference/disparity-methods.md section 1.8; DfE CSWW publishes shares
 * of known ethnicity): share_g(level) = n_g(level) / known(level), Wilson interval; representation
 * against the whole workforce, share_g(level) / share_g(all), and against the local population
 * (Census 2021, all ages), share_g(level) / population share_g, each with a Katz log interval.
 * The level is part of the whole workforce, so the interval against it is conservative (too wide).
 */
export function computeWorkforce(catalogue: Catalogue, index: ObservationIndex): MeasureRow[] {
  const spec = catalogue.workforce;
  const rows: MeasureRow[] = [];
  for (const table of index.tablesBySource(spec.stage)) {
    const t0 = table[0]!;
    const whole = index.table(spec.stage, t0.areaCode, t0.year, spec.totalLevel);
    const population = index.tablesFor(spec.population, t0.areaCode)[0] ?? [];
    const unknown = countFor(UNKNOWN_GROUP, table);
    const total = countFor(TOTAL_GROUP, table);
    const unknownShare = unknown?.value != null && total?.value ? (100 * unknown.value) / total.value : null;
    for (const b of BROAD_GROUPS) {
      const group = broadGroup(b);
      const here = shareOf(group, table);
      if (!here) continue;
      const base = baseRow(t0, group, unknownShare, here);
      if (!usable(here)) {
        const why = here.count.hidden ?? here.known.hidden ?? (here.known.value === 0 ? "no staff of known ethnicity at this level" : null);
        rows.push({ ...base, suppressed: Boolean(here.count.hidden ?? here.known.hidden), note: why });
        continue;
      }
      const f = figure(here.count.value, here.known.value, "%");
      const filled: MeasureRow = {
        ...base,
        numerator: here.count.value,
        denominator: here.known.value,
        value: f.value,
        ciLow: f.low,
        ciHigh: f.high,
        method: f.method,
      };
      const all = shareOf(group, whole);
      if (t0.level !== spec.totalLevel && usable(all)) rows.push({ ...filled, ...versus(filled, all, "Whole workforce") });
      else rows.push(filled);
      const pop = shareOf(group, population);
      if (usable(pop)) {
        rows.push({
          ...filled,
          measure: "workforce-vs-population",
          ...versus(filled, pop, "Local population (Census 2021, all ages)"),
          source: `${filled.source}, ${pop.count.sources.join(", ")}`,
          note: "compared with residents of all ages in Census 2021, not the working-age population",
        });
      }
    }
    if (unknown && total && !unknown.hidden && !total.hidden && unknown.value !== null && total.value) {
      const f = figure(unknown.value, total.value, "%");
      rows.push({
        ...baseRow(t0, UNKNOWN_GROUP, unknownShare, { count: unknown, known: total }),
        measure: "workforce-unknown-ethnicity",
        numerator: unknown.value,
        denominator: total.value,
        value: f.value,
        ciLow: f.low,
        ciHigh: f.high,
        method: f.method,
        note: "share of staff whose ethnicity is not known",
      });
    }
  }
  return rows;
}

function versus(row: MeasureRow, ref: Share & { count: { value: number }; known: { value: number } }, name: string): Partial<MeasureRow> {
  const r = ratio(row.numerator!, row.denominator!, ref.count.value, ref.known.value);
  return {
    referenceGroup: name,
    ratio: r?.value ?? null,
    ratioLow: r?.low ?? null,
    ratioHigh: r?.high ?? null,
    ratioSe: r?.se ?? null,
    reference: { numerator: ref.count.value, denominator: ref.known.value, value: (100 * ref.count.value) / ref.known.value },
    method: `${row.method}; representation ratio with Katz log 95% CI`,
  };
}

function baseRow(t0: ControlledObservation, group: EthnicGroup, unknownShare: number | null, s: Share): MeasureRow {
  return emptyMeasureRow({
    measure: "workforce-share",
    topic: "workforce",
    title: "Children's social work workforce: share of staff of known ethnicity",
    areaCode: t0.areaCode,
    areaName: t0.areaName,
    geography: t0.geography,
    period: t0.period,
    year: t0.year,
    group: group.name,
    groupKey: group.key,
    level: t0.level,
    unit: "%",
    denominatorStage: "workforce (known ethnicity)",
    method: "percentage of known ethnicity, Wilson 95% CI",
    source: s.count.sources.join(", "),
    synthetic: s.count.synthetic,
    outcome: null,
    unknownShare,
  });
}

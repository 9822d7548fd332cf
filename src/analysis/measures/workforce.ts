import type { Catalogue } from "../catalogue";
import { BROAD_GROUPS, broadGroup, KNOWN_GROUP, UNKNOWN_GROUP, TOTAL_GROUP, type EthnicGroup } from "../ethnicity";
import { emptyMeasureRow, tableCellIdentity, type MeasureRow } from "../measure-row";
import type { ObservationIndex } from "../observation-index";
import type { ControlledObservation } from "../suppression";
import { countFor, type GroupCount } from "./rates";
import { figure, ratio } from "./figure";
import { twoSidedP } from "../distributions";
import { binomialMidP, fisherExact } from "../exact-tests";

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
      if (t0.level !== spec.totalLevel && usable(all)) rows.push({ ...filled, ...versus(filled, all, "Whole workforce"), ...againstRest(filled, all) });
      else rows.push(filled);
      const pop = shareOf(group, population);
      if (usable(pop)) {
        rows.push({
          ...filled,
          measure: "workforce-vs-population",
          ...versus(filled, pop, "Local population (Census 2021, all ages)"),
          ...againstPopulation(filled, pop),
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

/** Smallest number of staff of the group at the level before a difference may be marked significant. */
export const MIN_STAFF_FOR_SIGNIFICANCE = 5;
const EXACT_BELOW = 10;

type UsableShare = Share & { count: { value: number }; known: { value: number } };

/**
 * Is a level's share different from the rest of the workforce's? The level is part of the whole, so
 * the test compares the level with everyone else (whole minus level): Fisher's exact test of the 2x2
 * table (Fisher 1935; Agresti 2013, section 3.5.1) when any count is under 10, else the Katz z test
 * of the two shares. Never significant with fewer than 5 staff of the group at the level, or in the
 * rest: 1 of 9 against 2 of 211 is no finding.
 */
function againstRest(row: MeasureRow, whole: UsableShare): Partial<MeasureRow> {
  const a = row.numerator!;
  const n1 = row.denominator!;
  const c = whole.count.value - a;
  const n2 = whole.known.value - n1;
  if (n2 <= 0 || c < 0 || c > n2) return { pValue: null, test: null, significant: null };
  const small = Math.min(a, c, n1 - a, n2 - c) < EXACT_BELOW;
  const katz = small ? null : ratio(a, n1, c, n2);
  const pValue = katz ? twoSidedP(Math.log(katz.value) / katz.se) : fisherExact(a, n1 - a, c, n2 - c);
  return {
    pValue,
    test: katz ? "Katz z test against the rest of the workforce" : "Fisher's exact test against the rest of the workforce",
    significant: Math.min(a, c) >= MIN_STAFF_FOR_SIGNIFICANCE && pValue < 0.05,
  };
}

/**
 * Is a level's share different from the population's? The population share is known almost exactly
 * (Census 2021 counts hundreds of thousands), so the test is of the level's count against it: the
 * exact binomial test with mid-p (Lancaster 1961; Agresti 2013, section 1.4.5) under 10 staff of the
 * group, else the Katz z test. Never significant with fewer than 5 staff of the group at the level.
 */
function againstPopulation(row: MeasureRow, pop: UsableShare): Partial<MeasureRow> {
  const a = row.numerator!;
  const n1 = row.denominator!;
  const katz = a < EXACT_BELOW ? null : ratio(a, n1, pop.count.value, pop.known.value);
  const pValue = katz ? twoSidedP(Math.log(katz.value) / katz.se) : binomialMidP(a, n1, pop.count.value / pop.known.value);
  return {
    pValue,
    test: katz ? "Katz z test against the population share" : "exact binomial test (mid-p) against the population share",
    significant: a >= MIN_STAFF_FOR_SIGNIFICANCE && pValue < 0.05,
  };
}

function baseRow(t0: ControlledObservation, group: EthnicGroup, unknownShare: number | null, s: Share): MeasureRow {
  return emptyMeasureRow({
    measure: "workforce-share",
    topic: "workforce",
    title: "Children's social work workforce: share of staff of known ethnicity",
    ...tableCellIdentity(t0, group),
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

import { SYMBOL_MEANING } from "./cell";
import { coverOf, type EthnicGroup } from "./ethnicity";
import { CITY_OF_LONDON, HACKNEY, HACKNEY_AND_CITY, HACKNEY_AND_CITY_NAME } from "./geography";
import type { Observation } from "./observation";

/** An observation after disclosure control: `hidden` says why it may not be shown, or is null. */
export interface ControlledObservation extends Observation {
  hidden: string | null;
}

/** Smallest count we show when we derived it ourselves (DfE convention: 1 to 9 become 'c'). */
export const MIN_SHOWN_DERIVED_COUNT = 10;

export const REASONS = {
  cityOfLondon: "City of London is not shown on its own for children's data (too few children to publish safely)",
  secondary: "hidden so that a suppressed figure in the same table cannot be worked out by subtraction",
  smallDerived: "a count from 1 to 9 that the source did not publish is not shown",
  smallUnpublished: "a count from 1 to 9 from an unpublished source (a borough's own file, a statutory return or demo data) is not shown",
  acrossAreas: "hidden so that a suppressed figure for a neighbouring area cannot be worked out from a combined area by subtraction",
  notCombined: "Hackney and City of London not combined here: the source did not give both as numbers",
} as const;

export function symbolReason(symbol: string): string {
  return `source shows '${symbol}': ${SYMBOL_MEANING[symbol as keyof typeof SYMBOL_MEANING] ?? "no figure"}`;
}

/** Is a count that we computed (a sum of source cells) safe to show? Primary suppression of 1-9. */
export function derivedCountHidden(count: number): string | null {
  return count >= 1 && count < MIN_SHOWN_DERIVED_COUNT ? REASONS.smallDerived : null;
}

/** A set of cells whose members add up to the parent: knowing all but one reveals the last. */
export interface Family<T> {
  parent: T;
  members: T[];
  /** Why a cell hidden to protect this family is hidden; REASONS.secondary when not given. */
  reason?: string;
}

/**
 * Secondary suppression (as DfE and ONS practise it): in every family where exactly one cell is
 * hidden, hide one more, the smallest visible member (else the parent), and repeat until no family
 * has a lone hidden cell. A zero cell is still hidden if chosen: showing it would reveal the other.
 */
export function secondarySuppress<T>(families: readonly Family<T>[], hidden: Map<T, string>, sizeOf: (cell: T) => number): void {
  for (let changed = true; changed;) {
    changed = false;
    for (const f of families) {
      const cells = [f.parent, ...f.members];
      const lone = cells.filter((c) => hidden.has(c));
      if (lone.length !== 1) continue;
      const visibleMembers = f.members.filter((c) => !hidden.has(c)).sort((a, b) => sizeOf(a) - sizeOf(b));
      const pick = visibleMembers[0] ?? f.parent;
      hidden.set(pick, f.reason ?? REASONS.secondary);
      changed = true;
    }
  }
}

/** Families inside one count table: each group and the disjoint groups that make it up. */
export function groupFamilies<T extends { group: EthnicGroup }>(table: readonly T[]): Family<T>[] {
  const families: Family<T>[] = [];
  for (const parent of table) {
    const inner = table.filter((o) => o !== parent && o.group.atoms.length < parent.group.atoms.length);
    const members = coverOf(parent.group, inner);
    if (members && members.length > 1) families.push({ parent, members });
  }
  return families;
}

export interface DisclosureOptions {
  /**
   * Areas that add up to another area in what we publish, e.g. a combined "Hackney and City of
   * London": { parent: code, members: [codes] }. Used for secondary suppression across boroughs.
   */
  areaFamilies?: { parent: string; members: string[] }[];
  /**
   * Adds "Hackney and City of London" (code HACKNEY_AND_CITY) to children's data, as DfE dashboards
   * do: each count is City of London's plus Hackney's where the source gave both as numbers (counts are
   * added, never rates). Hackney on its own is then hidden wherever the combination is shown, or City
   * would follow by subtraction.
   */
  combineCityWithHackney?: boolean;
}

function tableKey(o: Observation): string {
  return `${o.datasetId}|${o.stage}|${o.areaCode}|${o.year}|${o.level ?? ""}`;
}

/** The same cell (file, stage, year, level, group) in another area. */
function cellKey(o: Observation, areaCode = o.areaCode): string {
  return `${o.source}|${o.datasetId}|${o.stage}|${areaCode}|${o.year}|${o.level ?? ""}|${o.group.key}`;
}

/**
 * Combined Hackney and City of London cells for every children's table the source gives for both. A
 * group that either area lacks, or holds as a symbol, gives a combined cell that is hidden (with the
 * reason in `notCombined`), so secondary suppression protects it like any other hidden cell.
 */
export function combineCityWithHackney(observations: readonly Observation[]): { combined: Observation[]; notCombined: Set<Observation> } {
  const byCell = new Map<string, Observation>();
  for (const o of observations) if (o.areaCode === HACKNEY || o.areaCode === CITY_OF_LONDON) byCell.set(cellKey(o), o);
  const bothTables = new Set<string>();
  const tablesOf = (area: string) => new Set(observations.filter((o) => o.areaCode === area && o.childrenData).map((o) => tableKey({ ...o, areaCode: "" })));
  const cityTables = tablesOf(CITY_OF_LONDON);
  for (const k of tablesOf(HACKNEY)) if (cityTables.has(k)) bothTables.add(k);
  const combined: Observation[] = [];
  const notCombined = new Set<Observation>();
  const seen = new Set<string>();
  for (const o of observations) {
    if ((o.areaCode !== HACKNEY && o.areaCode !== CITY_OF_LONDON) || !o.childrenData || !bothTables.has(tableKey({ ...o, areaCode: "" }))) continue;
    const k = cellKey(o, HACKNEY_AND_CITY);
    if (seen.has(k)) continue;
    seen.add(k);
    const hackney = byCell.get(cellKey(o, HACKNEY));
    const city = byCell.get(cellKey(o, CITY_OF_LONDON));
    const both = hackney && city && hackney.count.value !== null && city.count.value !== null && !hackney.count.symbol && !city.count.symbol;
    const cell: Observation = {
      ...o,
      areaCode: HACKNEY_AND_CITY,
      areaName: HACKNEY_AND_CITY_NAME,
      geography: "local authority",
      count: both ? { value: hackney.count.value! + city.count.value!, symbol: null } : { value: null, symbol: null },
    };
    if (!both) notCombined.add(cell);
    combined.push(cell);
  }
  return { combined, notCombined };
}

/** Primary suppression of a count that was never published: 1 to 9 (DfE's convention for its own releases). */
export function unpublishedCountHidden(o: Pick<Observation, "publishedBySource" | "count">): string | null {
  const v = o.count.value;
  return !o.publishedBySource && v !== null && v >= 1 && v < MIN_SHOWN_DERIVED_COUNT ? REASONS.smallUnpublished : null;
}

/**
 * Sums we will make of a table's cells (a broad group from minor groups, a group defined as another
 * source defines it) that come to 1-9, added as hidden cells before secondary suppression runs, so
 * that secondary suppression also hides one of their parts: a hidden sum whose parts all show would
 * be no suppression at all. Only groups some table holds are considered; sums with a hidden part are
 * hidden anyway.
 */
function smallSums(tables: Iterable<Observation[]>, groups: readonly EthnicGroup[], hidden: Map<Observation, string>): Observation[] {
  const added: Observation[] = [];
  for (const t of tables) {
    const held = new Set(t.map((o) => o.group.key));
    for (const g of groups) {
      if (held.has(g.key)) continue;
      const parts = coverOf(g, t);
      if (!parts || parts.length < 2 || parts.some((p) => hidden.has(p) || p.count.value === null)) continue;
      const sum = parts.reduce((n, p) => n + p.count.value!, 0);
      if (!derivedCountHidden(sum)) continue;
      const cell: Observation = { ...parts[0]!, group: g, count: { value: sum, symbol: null }, derived: true };
      hidden.set(cell, REASONS.smallDerived);
      t.push(cell);
      added.push(cell);
    }
  }
  return added;
}

/**
 * Disclosure control over every count table before any measure is made:
 * 1. primary: source symbols (c x z low k u) are hidden and explained, never read as zero; counts of
 *    1 to 9 the source did not publish (local files, statutory returns, demo data) are hidden;
 * 2. City of London's children's data is never shown on its own (optionally combined with Hackney);
 * 3. our own sums that come to 1-9 (Hackney with City, groups summed from finer groups) are hidden;
 * 4. then secondary suppression within each table (groups that sum to a parent) and across areas,
 *    so it also protects the sums of step 3.
 */
export function applyDisclosureControl(input: readonly Observation[], options: DisclosureOptions = {}): ControlledObservation[] {
  let observations = input;
  const areaFamilies = [...(options.areaFamilies ?? [])];
  const hidden = new Map<Observation, string>();
  if (options.combineCityWithHackney) {
    const { combined, notCombined } = combineCityWithHackney(input);
    observations = [...input, ...combined];
    for (const o of notCombined) hidden.set(o, REASONS.notCombined);
    areaFamilies.push({ parent: HACKNEY_AND_CITY, members: [HACKNEY, CITY_OF_LONDON] });
  }
  for (const o of observations) {
    if (hidden.has(o)) continue;
    if (o.childrenData && o.areaCode === CITY_OF_LONDON) hidden.set(o, REASONS.cityOfLondon);
    else if (o.count.symbol) hidden.set(o, symbolReason(o.count.symbol));
    else if (o.areaCode === HACKNEY_AND_CITY && o.count.value !== null && derivedCountHidden(o.count.value)) hidden.set(o, REASONS.smallDerived);
    else {
      const small = unpublishedCountHidden(o);
      if (small) hidden.set(o, small);
    }
  }
  const tables = new Map<string, Observation[]>();
  for (const o of observations) {
    const k = tableKey(o);
    const t = tables.get(k);
    if (t) t.push(o);
    else tables.set(k, [o]);
  }
  const groups = [...new Map(observations.map((o) => [o.group.key, o.group])).values()];
  observations = [...observations, ...smallSums(tables.values(), groups, hidden)];
  const families: Family<Observation>[] = [];
  for (const t of tables.values()) families.push(...groupFamilies(t));
  if (areaFamilies.length > 0) {
    const byCell = new Map<string, Observation>();
    for (const o of observations) byCell.set(cellKey(o), o);
    for (const af of areaFamilies) {
      for (const o of observations) {
        if (o.areaCode !== af.parent) continue;
        const members = af.members.map((code) => byCell.get(cellKey(o, code)));
        if (members.every((m): m is Observation => m !== undefined)) families.push({ parent: o, members, reason: REASONS.acrossAreas });
      }
    }
  }
  secondarySuppress(families, hidden, (o) => o.count.value ?? 0);
  return observations.map((o) => ({ ...o, hidden: hidden.get(o) ?? null }));
}

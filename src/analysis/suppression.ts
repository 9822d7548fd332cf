import { SYMBOL_MEANING } from "./cell";
import { coverOf, type EthnicGroup } from "./ethnicity";
import { CITY_OF_LONDON } from "./geography";
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
}

/**
 * Secondary suppression (as DfE and ONS practise it): in every family where exactly one cell is
 * hidden, hide one more, the smallest visible member (else the parent), and repeat until no family
 * has a lone hidden cell. A zero cell is still hidden if chosen: showing it would reveal the other.
 */
export function secondarySuppress<T>(families: readonly Family<T>[], hidden: Map<T, string>, sizeOf: (cell: T) => number): void {
  for (let changed = true; changed; ) {
    changed = false;
    for (const f of families) {
      const cells = [f.parent, ...f.members];
      const lone = cells.filter((c) => hidden.has(c));
      if (lone.length !== 1) continue;
      const visibleMembers = f.members.filter((c) => !hidden.has(c)).sort((a, b) => sizeOf(a) - sizeOf(b));
      const pick = visibleMembers[0] ?? f.parent;
      hidden.set(pick, REASONS.secondary);
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
}

function tableKey(o: Observation): string {
  return `${o.datasetId}|${o.stage}|${o.areaCode}|${o.year}|${o.level ?? ""}`;
}

/**
 * Disclosure control over every count table before any measure is made:
 * 1. primary: source symbols (c x z low k u) are hidden and explained, never read as zero;
 * 2. City of London's children's data is never shown on its own;
 * 3. secondary suppression within each table (groups that sum to a parent) and across areas.
 */
export function applyDisclosureControl(observations: readonly Observation[], options: DisclosureOptions = {}): ControlledObservation[] {
  const hidden = new Map<Observation, string>();
  for (const o of observations) {
    if (o.childrenData && o.areaCode === CITY_OF_LONDON) hidden.set(o, REASONS.cityOfLondon);
    else if (o.count.symbol) hidden.set(o, symbolReason(o.count.symbol));
  }
  const tables = new Map<string, Observation[]>();
  for (const o of observations) {
    const k = tableKey(o);
    const t = tables.get(k);
    if (t) t.push(o);
    else tables.set(k, [o]);
  }
  const families: Family<Observation>[] = [];
  for (const t of tables.values()) families.push(...groupFamilies(t));
  for (const af of options.areaFamilies ?? []) {
    for (const o of observations) {
      if (o.areaCode !== af.parent) continue;
      const same = (x: Observation) => x.datasetId === o.datasetId && x.stage === o.stage && x.year === o.year && x.level === o.level && x.group.key === o.group.key;
      const members = af.members.map((code) => observations.find((x) => x.areaCode === code && same(x)));
      if (members.every((m): m is Observation => m !== undefined)) families.push({ parent: o, members });
    }
  }
  secondarySuppress(families, hidden, (o) => o.count.value ?? 0);
  return observations.map((o) => ({ ...o, hidden: hidden.get(o) ?? null }));
}

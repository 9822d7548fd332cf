import { BROAD_GROUPS, broadGroup, KNOWN_GROUP, type EthnicGroup } from "../ethnicity";
import { CITY_OF_LONDON } from "../geography";
import { derivedCountHidden, groupFamilies, REASONS, secondarySuppress, type Family } from "../suppression";
import { boroughByCode, BOROUGHS } from "../../domain/boroughs";
import { groupOfCode, KNOWN_CODES } from "./dfe-codes";
import { WORKFORCE_FLOWS, WORKFORCE_ROLES } from "./ladder-types";
import type { ReturnCounts } from "./return-counts";

/** One count after disclosure control: the value only when it may be shown. */
export interface ControlledCount {
  group: EthnicGroup;
  /** The count; null when hidden. */
  value: number | null;
  hidden: string | null;
}

/** A borough's controlled counts for one year: step -> group key -> count. */
export interface ControlledReturn {
  areaCode: string;
  areaName: string;
  period: string;
  kind: ReturnCounts["kind"];
  referenceDate: string;
  cells: Map<string, Map<string, ControlledCount>>;
  figures: Record<string, number>;
  sources: string[];
  synthetic: boolean;
}

interface Cell {
  step: string;
  group: EthnicGroup;
  raw: number;
}

/** Minor groups (the 18 known codes; OOTH is also the major "Other"), the five major groups, and everyone of known ethnicity. */
export const MINOR_GROUPS: readonly EthnicGroup[] = KNOWN_CODES.map(groupOfCode);
export const MAJOR_GROUPS: readonly EthnicGroup[] = BROAD_GROUPS.map(broadGroup);

function groupsToShow(): EthnicGroup[] {
  const all = new Map<string, EthnicGroup>();
  for (const g of [...MINOR_GROUPS, ...MAJOR_GROUPS, KNOWN_GROUP]) all.set(g.key, g);
  return [...all.values()];
}

/** Every step a return of each kind gives, so a step nobody reached is a table of zeros, not a gap. */
const EXPECTED_STEPS: Record<ReturnCounts["kind"], readonly string[]> = {
  "cin-census": ["referral", "assessment", "s47", "icpc", "cpp-start", "cin-31march", "cpp-31march"],
  ssda903: ["cla-31march", "cla-start", "uasc-cla-31march", "uasc-cla-start"],
  csww: [...WORKFORCE_ROLES.map((r) => `in-post:${r}`), ...WORKFORCE_FLOWS],
};

/** Looked-after counts split into unaccompanied asylum seekers and the rest (cla = uasc + rest). */
const UASC_SPLITS: [string, string, string][] = [
  ["cla-31march", "uasc-cla-31march", "nonuasc-cla-31march"],
  ["cla-start", "uasc-cla-start", "nonuasc-cla-start"],
];

/**
 * Disclosure control for the returns' aggregates, which nobody has published (the convention DfE and
 * ONS apply to unpublished small counts): primary suppression of every count from 1 to 9; City of
 * London never shown on its own; then secondary suppression (suppression.ts) over every family of
 * cells that add up: minor groups within their major group, the major groups within everyone of known
 * ethnicity, and looked-after children split into UASC and the rest, so no hidden count can be worked
 * out by subtraction. Unknown ethnicity is not shown, so it is not a member of any family shown.
 */
export function controlReturn(r: ReturnCounts): ControlledReturn {
  const borough = BOROUGHS.find((b) => b.oldCode === r.laCode)!;
  const groups = groupsToShow();
  const steps = new Map(r.counts);
  for (const step of EXPECTED_STEPS[r.kind]) if (!steps.has(step)) steps.set(step, new Map());
  for (const [whole, uasc, rest] of UASC_SPLITS) {
    if (!steps.has(whole)) continue;
    const restCounts = new Map<string, number>();
    for (const [code, n] of steps.get(whole)!) restCounts.set(code, n - (steps.get(uasc)?.get(code) ?? 0));
    steps.set(rest, restCounts);
    if (!steps.has(uasc)) steps.set(uasc, new Map());
  }
  const cells = new Map<string, Map<string, Cell>>();
  for (const [step, byCode] of steps) {
    const table = new Map<string, Cell>();
    for (const g of groups) {
      const raw = KNOWN_CODES.filter((c) => g.atoms.length > 0 && groupOfCode(c).atoms.every((a) => g.atoms.includes(a))).reduce(
        (s, c) => s + (byCode.get(c) ?? 0),
        0,
      );
      table.set(g.key, { step, group: g, raw });
    }
    cells.set(step, table);
  }
  const hidden = new Map<Cell, string>();
  const city = borough.code === CITY_OF_LONDON;
  for (const table of cells.values())
    for (const c of table.values()) {
      const why = city ? REASONS.cityOfLondon : derivedCountHidden(c.raw);
      if (why) hidden.set(c, why);
    }
  const families: Family<Cell>[] = [];
  for (const table of cells.values()) families.push(...groupFamilies([...table.values()]));
  for (const [whole, uasc, rest] of UASC_SPLITS) {
    if (!cells.has(whole)) continue;
    for (const g of groups) families.push({ parent: cells.get(whole)!.get(g.key)!, members: [cells.get(uasc)!.get(g.key)!, cells.get(rest)!.get(g.key)!] });
  }
  secondarySuppress(families, hidden, (c) => c.raw);
  const out = new Map<string, Map<string, ControlledCount>>();
  for (const [step, table] of cells) {
    const shown = new Map<string, ControlledCount>();
    for (const c of table.values()) {
      const why = hidden.get(c) ?? null;
      shown.set(c.group.key, { group: c.group, value: why ? null : c.raw, hidden: why });
    }
    out.set(step, shown);
  }
  return {
    areaCode: borough.code,
    areaName: boroughByCode(borough.code)!.name,
    period: r.period,
    kind: r.kind,
    referenceDate: r.referenceDate,
    cells: out,
    figures: city ? {} : { ...r.figures },
    sources: [...r.sources],
    synthetic: r.synthetic,
  };
}

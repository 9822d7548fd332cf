import schemes from "./ethnicity-schemes.json";

/**
 * Ethnic groups as sets of 'atoms' (the finest units any source tells apart). A source label maps to
 * an atom set through its classification scheme (ethnicity-schemes.json). Two groups are the same
 * group only when their atom sets are equal, so e.g. DfE "Gypsy/Roma" is never compared with Census
 * "Roma", and an Asian total without Chinese is never compared with one that includes it.
 * Method: DfE school census code set and Census 2021 TS021 categories, mapped as in
 * reference/disparity-methods.md section 2.11.
 */
export type BroadGroup = "White" | "Mixed" | "Asian" | "Black" | "Other";
export const BROAD_GROUPS: readonly BroadGroup[] = ["White", "Mixed", "Asian", "Black", "Other"];

export interface EthnicGroup {
  /** Sorted atoms joined by '+'; "total" for everyone, including unknown ethnicity. */
  key: string;
  name: string;
  atoms: readonly string[];
}

export type LabelMeaning = EthnicGroup | "ignore" | undefined;

const BROAD = schemes.broad as Record<BroadGroup, string[]>;
export const KNOWN_ATOMS: readonly string[] = BROAD_GROUPS.flatMap((b) => BROAD[b]);
export const UNKNOWN_ATOMS: readonly string[] = schemes.unknown;
const ALL_ATOMS = [...KNOWN_ATOMS, ...UNKNOWN_ATOMS];
const ATOM_ORDER = new Map(ALL_ATOMS.map((a, i) => [a, i]));

export function normaliseLabel(label: string): string {
  return label
    .toLowerCase()
    .replace(/^\s*\d+[a-z]?\.\s+/, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

function keyOf(atoms: readonly string[]): string {
  if (atoms.length === ALL_ATOMS.length) return "total";
  return [...atoms].sort((a, b) => ATOM_ORDER.get(a)! - ATOM_ORDER.get(b)!).join("+");
}

const NAMES = new Map<string, string>(schemes.names.map((n) => [keyOf(n.atoms), n.name]));
for (const b of BROAD_GROUPS) NAMES.set(keyOf(BROAD[b]), b);
NAMES.set(keyOf(KNOWN_ATOMS), "Known ethnicity");
NAMES.set("total", "All");

/** The group made of exactly these atoms, named when the set is a recognised group. */
export function groupOf(atoms: readonly string[]): EthnicGroup {
  const unique = [...new Set(atoms)].sort((a, b) => ATOM_ORDER.get(a)! - ATOM_ORDER.get(b)!);
  for (const a of unique) if (!ATOM_ORDER.has(a)) throw new Error(`unknown ethnicity atom '${a}'`);
  const key = keyOf(unique);
  return { key, name: NAMES.get(key) ?? unique.join(" + "), atoms: unique };
}

export const TOTAL_GROUP = groupOf(ALL_ATOMS);
export const KNOWN_GROUP = groupOf(KNOWN_ATOMS);
export const UNKNOWN_GROUP = groupOf(UNKNOWN_ATOMS);
export const WHITE_BRITISH = groupOf(["wbri"]);
export const WHITE = groupOf(BROAD.White);

interface SchemeJson {
  extends?: string;
  total?: string[];
  known?: string[];
  ignore?: string[];
  labels: Record<string, string[]>;
}

function atomsFromSpec(spec: string): string[] {
  if ((BROAD_GROUPS as readonly string[]).includes(spec)) return BROAD[spec as BroadGroup];
  return spec.split(" ");
}

function buildScheme(name: string): Map<string, LabelMeaning> {
  const json = (schemes.schemes as Record<string, SchemeJson>)[name];
  if (!json) throw new Error(`unknown ethnicity scheme '${name}'`);
  const map = json.extends ? new Map(buildScheme(json.extends)) : new Map<string, LabelMeaning>();
  for (const [spec, labels] of Object.entries(json.labels)) {
    const group = groupOf(atomsFromSpec(spec));
    for (const l of labels) map.set(normaliseLabel(l), group);
  }
  for (const l of json.total ?? []) map.set(normaliseLabel(l), TOTAL_GROUP);
  for (const l of json.known ?? []) map.set(normaliseLabel(l), KNOWN_GROUP);
  for (const l of json.ignore ?? []) map.set(normaliseLabel(l), "ignore");
  return map;
}

const built = new Map<string, Map<string, LabelMeaning>>();

/** What a source's label means in the given scheme; undefined when the label is not recognised. */
export function resolveLabel(scheme: string, label: string): LabelMeaning {
  let map = built.get(scheme);
  if (!map) built.set(scheme, (map = buildScheme(scheme)));
  return map.get(normaliseLabel(label));
}

export function schemeNames(): string[] {
  return Object.keys(schemes.schemes);
}

/** The broad group that wholly contains a group, or null (unknown, total, or a cross-group set). */
export function broadGroupOf(group: EthnicGroup): BroadGroup | null {
  return BROAD_GROUPS.find((b) => group.atoms.length > 0 && group.atoms.every((a) => BROAD[b].includes(a))) ?? null;
}

/** The broad group itself as a group. */
export function broadGroup(b: BroadGroup): EthnicGroup {
  return groupOf(BROAD[b]);
}

/** The scheme's labelled groups that sit inside a broad group (mapping back from broad to detailed). */
export function detailedGroupsOf(scheme: string, b: BroadGroup): EthnicGroup[] {
  resolveLabel(scheme, "total");
  const seen = new Map<string, EthnicGroup>();
  for (const meaning of built.get(scheme)!.values()) {
    if (meaning === "ignore" || meaning === undefined) continue;
    if (meaning.key !== broadGroup(b).key && broadGroupOf(meaning) === b) seen.set(meaning.key, meaning);
  }
  return [...seen.values()];
}

export function sameGroup(a: EthnicGroup, b: EthnicGroup): boolean {
  return a.key === b.key;
}

export function isKnown(group: EthnicGroup): boolean {
  return group.atoms.every((a) => KNOWN_ATOMS.includes(a));
}

/** Everyone of known ethnicity outside the group ("all other groups"). */
export function othersOf(group: EthnicGroup): EthnicGroup {
  return groupOf(KNOWN_ATOMS.filter((a) => !group.atoms.includes(a)));
}

/**
 * Picks, from groups a source provides, disjoint groups whose union is exactly the target, preferring
 * the target itself, then the coarsest parts. Returns null when the source defines its groups in a way
 * that cannot make the target (e.g. Census "Gypsy or Irish Traveller" cannot give DfE "Gypsy/Roma").
 */
export function coverOf<T extends { group: EthnicGroup }>(target: EthnicGroup, parts: readonly T[]): T[] | null {
  const exact = parts.find((p) => p.group.key === target.key);
  if (exact) return [exact];
  const inside = parts
    .filter((p) => p.group.atoms.length > 0 && p.group.atoms.every((a) => target.atoms.includes(a)))
    .sort((x, y) => y.group.atoms.length - x.group.atoms.length);
  const used = new Set<string>();
  const chosen: T[] = [];
  for (const p of inside) {
    if (p.group.atoms.some((a) => used.has(a))) continue;
    p.group.atoms.forEach((a) => used.add(a));
    chosen.push(p);
  }
  return used.size === target.atoms.length ? chosen : null;
}

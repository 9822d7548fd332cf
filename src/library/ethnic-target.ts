import {
  BROAD_GROUPS,
  KNOWN_ATOMS,
  broadGroup,
  broadGroupOf,
  groupOf,
  isKnown,
  normaliseLabel,
  resolveLabel,
  schemeNames,
  type BroadGroup,
  type EthnicGroup,
} from "../analysis/ethnicity";
import schemes from "../analysis/ethnicity-schemes.json";

/**
 * Ethnic groups named in words, for matching data headlines to practice entries. A name is read in
 * every classification the analysis knows (DfE codes and labels, Census 2021 categories, the groups'
 * own names), and also in the "Broad group - detail" form forms and older tables use, e.g. "Black or
 * Black British - Caribbean" is Black Caribbean and "Mixed: White and Asian" is White and Asian.
 */

/** How a broad group's heading is written before its detail ("Black or Black British - Caribbean"). */
const BROAD_HEADINGS: Record<BroadGroup, string[]> = {
  White: ["white"],
  Mixed: ["mixed or multiple ethnic groups", "mixed or multiple ethnic group", "mixed multiple ethnic groups", "mixed dual background", "mixed"],
  Asian: ["asian asian british or asian welsh", "asian or asian british", "asian asian british", "asian british", "asian"],
  Black: [
    "black black british black welsh caribbean or african",
    "black african caribbean or black british",
    "black or black british",
    "black black british",
    "black british",
    "black",
  ],
  Other: ["other ethnic group", "other ethnic groups", "any other ethnic group", "other"],
};

/** Everyday names the classifications do not spell out, each as the atoms it means. */
const EXTRA_NAMES: Record<string, readonly string[]> = {
  "gypsy roma and traveller": ["gypsy", "roma", "wirt"],
  "gypsy roma traveller": ["gypsy", "roma", "wirt"],
  grt: ["gypsy", "roma", "wirt"],
  gypsy: ["gypsy"],
  gypsies: ["gypsy"],
  romany: ["gypsy"],
  traveller: ["wirt"],
  travellers: ["wirt"],
  "irish traveller": ["wirt"],
  "irish travellers": ["wirt"],
  somali: ["bafr"],
  "white and black caribbean heritage": ["mwbc"],
  "black caribbean heritage": ["bcrb"],
  "black african heritage": ["bafr"],
};

const ALL_NAMES: Map<string, EthnicGroup> = (() => {
  const names = new Map<string, EthnicGroup>();
  const add = (label: string, group: EthnicGroup | "ignore" | undefined) => {
    if (!group || group === "ignore" || group.atoms.length === 0 || !isKnown(group)) return;
    // Everyone of known ethnicity is not a group a practice entry or a finding is about.
    if (group.atoms.length === KNOWN_ATOMS.length) return;
    const key = normaliseLabel(label);
    if (key && !names.has(key)) names.set(key, group);
  };
  for (const n of schemes.names) add(n.name, groupOf(n.atoms));
  for (const b of BROAD_GROUPS) add(b, broadGroup(b));
  for (const scheme of schemeNames()) {
    const json = (schemes.schemes as Record<string, { labels: Record<string, string[]> }>)[scheme]!;
    for (const labels of Object.values(json.labels)) for (const l of labels) add(l, resolveLabel(scheme, l));
  }
  for (const [label, atoms] of Object.entries(EXTRA_NAMES)) add(label, groupOf(atoms));
  return names;
})();

/** Words too common in free text to be read as a group ("other families", "all boys"). */
const NOT_IN_FREE_TEXT = new Set(["other", "other ethnic groups", "other ethnic group", "ooth", "african", "caribbean", "irish"]);

/** Reads a "Broad heading - detail" name: the detail read on its own or after the broad word, kept only inside that broad group. */
function resolveHeaded(key: string): EthnicGroup | undefined {
  for (const b of BROAD_GROUPS) {
    for (const heading of BROAD_HEADINGS[b]) {
      if (!key.startsWith(`${heading} `)) continue;
      const rest = key.slice(heading.length + 1).trim();
      for (const candidate of [rest, `${b.toLowerCase()} ${rest}`]) {
        const g = ALL_NAMES.get(candidate);
        if (g && broadGroupOf(g) === b) return g;
      }
    }
  }
  return undefined;
}

/** The group a name means, in any classification the analysis knows; undefined when it is not a known group. */
export function resolveGroupName(name: string): EthnicGroup | undefined {
  const key = normaliseLabel(name);
  return ALL_NAMES.get(key) ?? resolveHeaded(key);
}

const PHRASES = [...ALL_NAMES.keys()].filter((k) => !NOT_IN_FREE_TEXT.has(k) && k.length > 1).sort((a, b) => b.length - a.length);

/**
 * The groups a free-text description names ("Black Caribbean boys; Gypsy, Roma and Traveller
 * families"), longest name first so "White and Black Caribbean" is never read as Black Caribbean.
 */
export function groupsNamedIn(text: string): EthnicGroup[] {
  let rest = ` ${normaliseLabel(text)} `;
  const found: EthnicGroup[] = [];
  for (const phrase of PHRASES) {
    const needle = ` ${phrase} `;
    if (!rest.includes(needle)) continue;
    found.push(ALL_NAMES.get(phrase)!);
    rest = rest.split(needle).join(" | ");
  }
  return found;
}

const BROAD_OF_CHOICE: Record<string, BroadGroup> = { white: "White", mixed: "Mixed", asian: "Asian", black: "Black", other: "Other" };

/**
 * The children an entry is aimed at, as atoms. Each broad group ticked counts whole, unless the
 * detail names groups inside it, which then narrow it ("Black" with "Black Caribbean boys" is Black
 * Caribbean only). With nothing ticked, the groups the detail names. Empty: aimed at no group.
 */
export function entryTargetAtoms(entry: { ethnicGroups: readonly string[]; ethnicGroupsDetail: string }): Set<string> {
  const named = groupsNamedIn(entry.ethnicGroupsDetail ?? "");
  const ticked = entry.ethnicGroups.map((c) => BROAD_OF_CHOICE[c]).filter((b): b is BroadGroup => b !== undefined);
  if (ticked.length === 0) return new Set(named.flatMap((g) => g.atoms));
  const atoms = new Set<string>();
  for (const b of ticked) {
    const whole = broadGroup(b);
    const inside = named.filter((g) => g.key !== whole.key && g.atoms.every((a) => whole.atoms.includes(a)));
    for (const a of inside.length ? inside.flatMap((g) => g.atoms) : whole.atoms) atoms.add(a);
  }
  return atoms;
}

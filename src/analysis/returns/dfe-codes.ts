import { groupOf, type EthnicGroup } from "../ethnicity";

/**
 * The 20 DfE ethnicity codes of the CIN census, SSDA903 and CSWW (CSWW lacks WIRT and WROM), as the
 * atom sets the analysis compares (reference/statutory-returns.md section 4; the atoms of
 * ethnicity-schemes.json). WROM is DfE's "Gypsy/Roma", OOTH includes Arab, CHNE sits under Asian.
 */
const CODE_ATOMS: Record<string, string[]> = {
  WBRI: ["wbri"],
  WIRI: ["wiri"],
  WIRT: ["wirt"],
  WROM: ["gypsy", "roma"],
  WOTH: ["woth"],
  MWBC: ["mwbc"],
  MWBA: ["mwba"],
  MWAS: ["mwas"],
  MOTH: ["moth"],
  AIND: ["aind"],
  APKN: ["apkn"],
  ABAN: ["aban"],
  CHNE: ["chne"],
  AOTH: ["aoth"],
  BCRB: ["bcrb"],
  BAFR: ["bafr"],
  BOTH: ["both"],
  OOTH: ["arab", "ooth"],
  REFU: ["refused"],
  NOBT: ["notobtained"],
};

export const ETHNICITY_CODES: readonly string[] = Object.keys(CODE_ATOMS);
/** Codes of known ethnicity (all but REFU and NOBT). */
export const KNOWN_CODES: readonly string[] = ETHNICITY_CODES.filter((c) => c !== "REFU" && c !== "NOBT");

const GROUPS = new Map(ETHNICITY_CODES.map((c) => [c, groupOf(CODE_ATOMS[c]!)]));

/** The code as DfE writes it, or null when the text is not one of the 20 codes. */
export function ethnicityCode(text: string): string | null {
  const code = text.trim().toUpperCase();
  return GROUPS.has(code) ? code : null;
}

export function groupOfCode(code: string): EthnicGroup {
  const g = GROUPS.get(code);
  if (!g) throw new Error(`not a DfE ethnicity code`);
  return g;
}

/** A date in the CIN census / CSWW XML form, YYYY-MM-DD, as a UTC day number; null when malformed. */
export function isoDay(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  return m ? validDay(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

/** A date as SSDA903 CSVs write it, dd/mm/yyyy, as a UTC day number; null when malformed. */
export function ukDay(text: string): number | null {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text.trim());
  return m ? validDay(Number(m[3]), Number(m[2]), Number(m[1])) : null;
}

function validDay(y: number, m: number, d: number): number | null {
  const t = Date.UTC(y, m - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return null;
  return t / 86_400_000;
}

export function dayOf(y: number, m: number, d: number): number {
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

export function dayText(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** CSWW OrgRole codes (1 senior manager ... 6 qualified without cases). */
export const ORG_ROLES: Record<
  string,
  "senior-manager" | "middle-manager" | "first-line-manager" | "senior-practitioner" | "case-holder" | "qualified-without-cases"
> = {
  "1": "senior-manager",
  "2": "middle-manager",
  "3": "first-line-manager",
  "4": "senior-practitioner",
  "5": "case-holder",
  "6": "qualified-without-cases",
};

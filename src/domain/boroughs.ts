import list from "./boroughs.json";

/** One of the East London boroughs in the LIIA group; the list lives in boroughs.json. */
export interface Borough {
  /** GSS code, e.g. E09000012. */
  code: string;
  /** DfE's old three-digit local authority code, e.g. 204. */
  oldCode: string;
  name: string;
  slug: string;
}

export const BOROUGHS: readonly Borough[] = Object.freeze(list.map((b) => Object.freeze({ ...b })));

const byCode = new Map(BOROUGHS.map((b) => [b.code, b]));

export function boroughByCode(code: string): Borough | undefined {
  return byCode.get(code);
}

export function isBoroughCode(code: unknown): code is string {
  return typeof code === "string" && byCode.has(code);
}

/** Finds a borough by GSS code, old LA code, name or slug, ignoring case and punctuation. */
export function findBorough(text: string): Borough | undefined {
  const key = text
    .trim()
    .toLowerCase()
    .replace(/&/g, "and")
    .replace(/[^a-z0-9]+/g, "");
  return BOROUGHS.find(
    (b) => b.code.toLowerCase() === key || b.oldCode === key || b.name.toLowerCase().replace(/[^a-z0-9]+/g, "") === key || b.slug.replace(/-/g, "") === key,
  );
}

import { BOROUGHS } from "../domain/boroughs";
import { KNOWN_AREAS } from "./geography";

/** The areas an analysis keeps rows for; every other area's rows are dropped as a file is read. */
export interface AreaScope {
  readonly codes: readonly string[];
  has(code: string): boolean;
}

/** A GSS area code: a letter for the country and eight digits (e.g. E09000007 for Camden). */
const GSS_CODE = /^[EWSNK]\d{8}$/;

/**
 * The eight boroughs, Inner and Outer London, London and England, and any comparator areas asked
 * for by GSS code. A national file (every local authority) thus costs memory for these areas only.
 */
export function areaScope(comparators: readonly string[] = []): AreaScope {
  const bad = comparators.filter((c) => !GSS_CODE.test(c));
  if (bad.length > 0) throw new Error(`not a GSS area code: ${bad.join(", ")} (expected a code such as E09000007)`);
  const codes = [...new Set([...BOROUGHS.map((b) => b.code), ...Object.keys(KNOWN_AREAS), ...comparators])];
  const set = new Set(codes);
  return { codes, has: (code) => set.has(code) };
}

export const DEFAULT_SCOPE: AreaScope = areaScope();

/**
 * One value from a statistics file: a number, or a symbol the source used instead of a number.
 * Symbols follow the GSS / DfE Explore Education Statistics conventions (eesyscreener
 * `acceptable_values.R`; DfE children looked after data guidance):
 *   c   confidential (suppressed, possibly secondary suppression)
 *   x   not available (older DfE files also use it for suppressed small numbers)
 *   z   not applicable
 *   low rounds to zero but is not zero
 *   k   non-zero value that rounds to zero (e.g. a percentage under 0.5%)
 *   u   low reliability
 * Legacy marks (~ : .. - N/A) are read as `x`. A symbol is never read as zero.
 */
export type SourceSymbol = "c" | "x" | "z" | "low" | "k" | "u";

export interface Cell {
  value: number | null;
  symbol: SourceSymbol | null;
}

const SYMBOLS = new Set<string>(["c", "x", "z", "low", "k", "u"]);
const LEGACY = new Set<string>(["~", ":", "..", ".", "-", "n/a", "na", "*", ""]);
const NUMBER = /^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

export function parseCell(text: string | undefined): Cell {
  const raw = (text ?? "").trim();
  const lower = raw.toLowerCase();
  if (SYMBOLS.has(lower)) return { value: null, symbol: lower as SourceSymbol };
  const plain = raw.replace(/,/g, "");
  if (NUMBER.test(plain)) return { value: Number(plain), symbol: null };
  if (LEGACY.has(lower)) return { value: null, symbol: "x" };
  return { value: null, symbol: "x" };
}

export function isNumber(cell: Cell): cell is { value: number; symbol: null } {
  return cell.value !== null;
}

export const SYMBOL_MEANING: Record<SourceSymbol, string> = {
  c: "suppressed by the source (confidential)",
  x: "not available from the source",
  z: "not applicable",
  low: "rounds to zero in the source but is not zero",
  k: "rounds to zero in the source but is not zero",
  u: "marked low reliability by the source",
};

import { BOROUGHS, findBorough } from "../domain/boroughs";
import { HubError } from "../domain/errors";
import { ETHNIC_GROUPS, LEVELS, OUTCOME_AREAS, PRIORITIES, type Choice } from "../proforma/proforma";

/** What the library can be narrowed by; every filter optional. */
export interface LibraryFilters {
  borough?: string;
  outcomeArea?: string;
  priority?: string;
  ethnicGroup?: string;
  level?: string;
  /** Free text, matched case-insensitively against every text field. */
  text?: string;
  /** "library": consent liia or public (default); "website": public only. */
  audience?: "library" | "website";
}

export const MAX_SEARCH_TEXT = 200;

function single(query: Record<string, unknown>, name: string): string | undefined {
  const v = query[name];
  if (v === undefined || v === "") return undefined;
  if (typeof v !== "string") throw new HubError("invalid-input", `The filter ${name} must be given once, as text.`);
  return v.trim();
}

function choice(query: Record<string, unknown>, name: string, choices: readonly Choice[]): string | undefined {
  const v = single(query, name);
  if (v === undefined) return undefined;
  if (!choices.some((c) => c.value === v)) throw new HubError("invalid-input", `The filter ${name} must be one of: ${choices.map((c) => c.value).join(", ")}.`);
  return v;
}

/** Reads filters from a query string (or any record), refusing unknown values with a plain message. */
export function parseLibraryFilters(query: Record<string, unknown>): LibraryFilters {
  const known = new Set(["borough", "outcomeArea", "priority", "ethnicGroup", "level", "q"]);
  const unknown = Object.keys(query).filter((k) => !known.has(k));
  if (unknown.length > 0)
    throw new HubError("invalid-input", `Unknown filter ${unknown[0]!.slice(0, 40)}: use borough, outcomeArea, priority, ethnicGroup, level or q.`);
  const boroughText = single(query, "borough");
  const borough = boroughText === undefined ? undefined : findBorough(boroughText)?.code;
  if (boroughText !== undefined && !borough)
    throw new HubError("invalid-input", `The filter borough must be one of: ${BOROUGHS.map((b) => b.name).join(", ")} (or a GSS code).`);
  const text = single(query, "q");
  if (text !== undefined && text.length > MAX_SEARCH_TEXT)
    throw new HubError("invalid-input", `The filter q is too long: at most ${MAX_SEARCH_TEXT} characters.`);
  return {
    borough,
    outcomeArea: choice(query, "outcomeArea", OUTCOME_AREAS),
    priority: choice(query, "priority", PRIORITIES),
    ethnicGroup: choice(query, "ethnicGroup", ETHNIC_GROUPS),
    level: choice(query, "level", LEVELS),
    text: text || undefined,
  };
}

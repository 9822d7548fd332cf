import { BOROUGHS } from "../domain/boroughs";
import { LIBRARY_SCOPES, type Proforma } from "../proforma/proforma";
import type { ProformaStore } from "../proforma/proforma-store";
import type { LibraryFilters } from "./library-filters";
import { SEARCHED_FIELDS, toLibraryEntry, type LibraryEntry } from "../proforma/public-view";

function matches(p: Proforma, f: LibraryFilters): boolean {
  if (f.outcomeArea && !p.outcomeAreas.includes(f.outcomeArea)) return false;
  if (f.priority && !(p.priorities ?? []).includes(f.priority)) return false;
  if (f.ethnicGroup && !(p.ethnicGroups ?? []).includes(f.ethnicGroup)) return false;
  if (f.level && !(p.levels ?? []).includes(f.level)) return false;
  if (f.text) {
    const needle = f.text.toLocaleLowerCase("en-GB");
    const record = p as unknown as Record<string, unknown>;
    if (!SEARCHED_FIELDS.some((k) => typeof record[k] === "string" && (record[k] as string).toLocaleLowerCase("en-GB").includes(needle))) return false;
  }
  return true;
}

/**
 * The LIIA library: published entries whose consent reaches beyond East London (only `public` ones
 * for the website), newest first. One query per borough partition, for status published only.
 */
export async function searchLibrary(deps: { proformas: ProformaStore }, filters: LibraryFilters = {}): Promise<LibraryEntry[]> {
  const scopes = filters.audience === "website" ? ["public"] : LIBRARY_SCOPES;
  const boroughs = filters.borough ? [filters.borough] : BOROUGHS.map((b) => b.code);
  const published = (await Promise.all(boroughs.map((code) => deps.proformas.inBorough(code, { statuses: ["published"] })))).flat();
  return published
    .filter((p) => scopes.includes(p.consentScope) && matches(p, filters))
    .map(toLibraryEntry)
    .sort((a, b) => (a.publishedAt < b.publishedAt ? 1 : a.publishedAt > b.publishedAt ? -1 : a.id < b.id ? 1 : -1));
}

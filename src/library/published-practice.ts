import { BOROUGHS } from "../domain/boroughs";
import type { ProformaStore } from "../proforma/proforma-store";
import { toLibraryEntry, type LibraryEntry } from "../proforma/public-view";

/**
 * Every published entry, whatever its consent scope: what the data headlines link to. The digest and
 * the tab reach the eight East London boroughs only, whom even `east-london` consent covers, so a
 * headline never says "no borough has shared practice" while a borough has. One query per borough.
 */
export async function publishedPractice(deps: { proformas: ProformaStore }): Promise<LibraryEntry[]> {
  const lists = await Promise.all(BOROUGHS.map((b) => deps.proformas.inBorough(b.code, { statuses: ["published"] })));
  return lists.flat().map(toLibraryEntry);
}

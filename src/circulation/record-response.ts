import type { CirculationStore } from "./circulation-store";
import type { Proforma } from "../proforma/proforma";

/**
 * Notes a borough's entry against the open circulation round when it is saved, submitted, published,
 * returned or withdrawn, so that who has answered is read from the round's own rows: the cost of
 * `proforma status`, the reminders and the digest follows the round, not the size of the archive.
 */
export async function recordCirculationResponse(circulations: CirculationStore, p: Proforma): Promise<void> {
  const round = await circulations.latest();
  if (!round || p.updatedAt < round.openedAt) return;
  await circulations.recordResponse(round.id, { borough: p.borough, proformaId: p.id, status: p.status, at: p.updatedAt });
}

import { boroughByCode, BOROUGHS } from "../../domain/boroughs";
import { leadCoverage } from "../../nominations/lead-coverage";
import type { DigestLine } from "../digest-data";
import type { DigestSectionSource } from "../digest-section-source";
import type { FeedEvent } from "../../activity-feed/feed-event";
import { eventLines, plural } from "./feed-lines";

const WORDS: Record<string, string> = {
  "lead.confirmed": "confirmed this week",
  "nomination.opened": "nominated this week",
  "nomination.declined": "nomination declined this week",
};

/** Steps of a nomination, in order: its furthest step this week is the one shown. */
const STEP: Record<string, number> = { "nomination.opened": 0, "nomination.declined": 1, "lead.confirmed": 1 };

function furthestPerNomination(events: readonly FeedEvent[]): FeedEvent[] {
  const by = new Map<string, FeedEvent>();
  for (const e of events) {
    const id = e.subjectId || e.key;
    const seen = by.get(id);
    if (!seen || STEP[e.kind]! > STEP[seen.kind]! || (STEP[e.kind] === STEP[seen.kind] && e.at >= seen.at)) by.set(id, e);
  }
  return [...by.values()];
}

/**
 * Lead coverage and the nominations waiting, from the leads feature's leadCoverage (one roster and one
 * nominations query per borough, whatever the archive holds), then the week's lead.confirmed and
 * nomination rows (each nomination once, at its furthest step). Names stay out: the lines say which borough, not who.
 */
export const leadsSection: DigestSectionSource = {
  id: "leads",
  title: "Borough leads",
  order: 30,
  async build({ ctx, events }) {
    const coverage = await leadCoverage(ctx);
    // A nomination opened and confirmed in the same week shows once, as confirmed.
    const rows = furthestPerNomination(events.filter((e) => e.kind in WORDS));
    const waiting: DigestLine[] = coverage.openNominations.map((n) => ({
      borough: n.borough,
      text: [
        n.open ? `${plural(n.open, "nomination")} waiting for the nominee` : "",
        n.accepted ? `${plural(n.accepted, "nomination")} waiting for confirmation` : "",
      ]
        .filter(Boolean)
        .join(" · "),
    }));
    const missing: DigestLine[] = coverage.withoutLead
      .sort((a, b) => (boroughByCode(a)?.name ?? a).localeCompare(boroughByCode(b)?.name ?? b))
      .map((borough) => ({ borough, text: "no lead yet" }));
    return {
      summary: `${coverage.withLead.length} of ${BOROUGHS.length} boroughs have a confirmed lead; ${plural(coverage.totalOpenNominations, "nomination")} open.`,
      lines: [...missing, ...waiting, ...eventLines(rows, (e) => WORDS[e.kind]!)],
    };
  },
};

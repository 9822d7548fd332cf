import { boroughByCode, BOROUGHS } from "../../domain/boroughs";
import { leadCoverage } from "../../leads/lead-coverage";
import type { DigestLine } from "../digest-data";
import type { DigestSectionSource } from "../digest-section-source";
import { eventLines, plural } from "./feed-lines";

const WORDS: Record<string, string> = {
  "lead.confirmed": "confirmed this week",
  "nomination.opened": "nominated this week",
  "nomination.declined": "nomination declined this week",
};

/**
 * Lead coverage and the nominations waiting, from the leads feature's leadCoverage (one roster and one
 * nominations query per borough, whatever the archive holds), then the week's lead.confirmed and
 * nomination rows. Names stay out: the lines say which borough, not who.
 */
export const leadsSection: DigestSectionSource = {
  id: "leads",
  title: "Borough leads",
  order: 30,
  async build({ ctx, events }) {
    const coverage = await leadCoverage(ctx);
    const rows = events.filter((e) => e.kind in WORDS);
    const waiting: DigestLine[] = coverage.openNominations.map((n) => ({
      borough: n.borough,
      text: [n.open ? `${plural(n.open, "nomination")} waiting for the nominee` : "", n.accepted ? `${plural(n.accepted, "nomination")} waiting for confirmation` : ""].filter(Boolean).join(" · "),
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

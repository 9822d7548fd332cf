import { BOROUGHS } from "../../domain/boroughs";
import type { DigestLine } from "../digest-data";
import type { DigestSectionSource } from "../digest-section-source";
import { eventLines } from "./feed-lines";

const WORDS: Record<string, string> = {
  "lead.confirmed": "lead confirmed",
  "nomination.opened": "nomination open",
  "nomination.declined": "nomination declined",
};

/**
 * Lead coverage (one roster read per borough: eight point queries, whatever the archive holds) and
 * the week's lead.confirmed and nomination rows.
 */
export const leadsSection: DigestSectionSource = {
  id: "leads",
  title: "Borough leads",
  order: 30,
  async build({ ctx, events }) {
    const rows = events.filter((e) => e.kind in WORDS);
    let coverage = "";
    const missing: DigestLine[] = [];
    try {
      const rosters = await Promise.all(BOROUGHS.map((b) => ctx.leads.roster(b.code)));
      const without = BOROUGHS.filter((_, i) => !rosters[i]!.lead);
      coverage = `${BOROUGHS.length - without.length} of ${BOROUGHS.length} boroughs have a confirmed lead.`;
      for (const b of without) missing.push({ borough: b.code, text: "no lead yet" });
    } catch (error) {
      ctx.logger.warn({ err: error }, "lead coverage could not be read for the digest");
    }
    if (rows.length === 0 && !coverage) return { summary: "", lines: [] };
    return { summary: coverage, lines: [...eventLines(rows, (e) => WORDS[e.kind]!), ...missing] };
  },
};

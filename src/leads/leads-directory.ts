import type { LeadDeps } from "./leads-deps";
import type { CommandHandler } from "../domain/handlers";
import { inert } from "../cards/inert-text";
import { renderCard, type AdaptiveCard } from "../cards/render-card";
import { BOROUGHS } from "../domain/boroughs";
import type { Meeting } from "../convening/meeting";
import { londonLabel } from "../domain/london-time";
import { themeTitle } from "../convening/themes";
import type { BoroughRoster } from "./lead-term";

/** Data bound to cards/leads-directory.json. */
export interface LeadsDirectoryData {
  coverage: string;
  boroughs: { name: string; hasLead: boolean; leadName: string; jobTitle: string; since: string; deputies: string }[];
  upcoming: { topic: string; londonTime: string; theme: string }[];
}

const day = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", day: "numeric", month: "long", year: "numeric" });

export function leadsDirectoryCard(rosters: BoroughRoster[], upcoming: Meeting[]): AdaptiveCard {
  const withLead = rosters.filter((r) => r.lead).length;
  return renderCard<LeadsDirectoryData>("leads-directory", {
    coverage: `${withLead} of ${rosters.length} boroughs have a confirmed lead.`,
    boroughs: rosters.map((r) => ({
      name: BOROUGHS.find((b) => b.code === r.borough)?.name ?? r.borough,
      hasLead: Boolean(r.lead),
      leadName: inert(r.lead?.name || "Name not known"),
      jobTitle: inert(r.lead?.jobTitle ?? ""),
      since: r.lead ? day.format(new Date(r.lead.since)) : "",
      deputies: inert(r.deputies.map((d) => d.name || "Name not known").join(", ")),
    })),
    upcoming: upcoming.slice(0, 10).map((m) => ({
      topic: inert(m.topic),
      londonTime: londonLabel(new Date(m.startsAt)),
      theme: themeTitle(m.theme),
    })),
  });
}

/** Conversations still to come (not cancelled), soonest first, within the next year. */
export async function upcomingMeetings(ctx: LeadDeps): Promise<Meeting[]> {
  const now = ctx.now();
  const later = new Date(now.getTime() + 366 * 86_400_000);
  return (await ctx.meetings.between(now.toISOString(), later.toISOString())).filter((m) => m.status === "scheduled");
}

/** `leads`: the eight boroughs' leads (or "no lead yet") and the conversations coming up. */
export const showLeads: CommandHandler<LeadDeps> = async (ctx: LeadDeps) => {
  const rosters = await Promise.all(BOROUGHS.map((b) => ctx.leads.roster(b.code)));
  return leadsDirectoryCard(rosters, await upcomingMeetings(ctx));
};

import type { LeadDeps } from "./leads-deps";
import type { CommandHandler } from "../domain/handlers";
import { inert } from "../cards/inert-text";
import { renderCard, type AdaptiveCard } from "../cards/render-card";
import { BOROUGHS } from "../domain/boroughs";
import type { Meeting } from "../meetings/meeting";
import { londonLabel } from "../domain/london-time";
import { themeTitle } from "../meetings/themes";
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

const DAY_MS = 86_400_000;

/**
 * Which conversations a view of the directory lists: the bot's card the ones still to come and not
 * cancelled; the tab's Leads page also the last 90 days' (with their outcomes) and every status.
 */
export interface ConversationWindow {
  pastDays: number;
  aheadDays: number;
  scheduledOnly: boolean;
}

export const BOT_WINDOW: ConversationWindow = { pastDays: 0, aheadDays: 366, scheduledOnly: true };
export const TAB_WINDOW: ConversationWindow = { pastDays: 90, aheadDays: 366, scheduledOnly: false };

/** The leads directory, read once for the bot and the tab: every borough's roster (one read each) and the conversations in a window, soonest first. */
export async function readLeadsDirectory(
  ctx: Pick<LeadDeps, "leads" | "meetings" | "now">,
  window: ConversationWindow,
): Promise<{ rosters: BoroughRoster[]; meetings: Meeting[] }> {
  const now = ctx.now().getTime();
  const [rosters, meetings] = await Promise.all([
    Promise.all(BOROUGHS.map((b) => ctx.leads.roster(b.code))),
    ctx.meetings.between(new Date(now - window.pastDays * DAY_MS).toISOString(), new Date(now + window.aheadDays * DAY_MS).toISOString()),
  ]);
  return { rosters, meetings: window.scheduledOnly ? meetings.filter((m) => m.status === "scheduled") : meetings };
}

/** `leads`: the eight boroughs' leads (or "no lead yet") and the conversations coming up. */
export const showLeads: CommandHandler<LeadDeps> = async (ctx: LeadDeps) => {
  const { rosters, meetings } = await readLeadsDirectory(ctx, BOT_WINDOW);
  return leadsDirectoryCard(rosters, meetings);
};

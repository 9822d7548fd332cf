import type { ServerDeps } from "./server-deps";
import { FORMATS, themeTitle } from "../meetings/themes";
import { BOROUGHS } from "../domain/boroughs";
import { choiceTitle } from "../proforma/proforma";
import type { LeadTerm } from "../leads/lead-term";
import { readLeadsDirectory, TAB_WINDOW } from "../leads/leads-directory";

/** A lead as the directory shows them: name, job title and since when; no ids, e-mail or phone. */
export interface DirectoryPerson {
  name: string;
  jobTitle: string;
  since: string;
}

export interface DirectoryEntry {
  borough: string;
  boroughName: string;
  lead: DirectoryPerson | null;
  deputies: DirectoryPerson[];
}

export interface ConversationSummary {
  id: string;
  topic: string;
  theme: string;
  startsAt: string;
  format: string;
  place: string;
  convenerName: string;
  convenerBorough: string;
  status: string;
  outcomes: string;
}

export interface LeadsOverview {
  directory: DirectoryEntry[];
  conversations: ConversationSummary[];
}

function person(term: LeadTerm): DirectoryPerson {
  return { name: term.name, jobTitle: term.jobTitle, since: term.since };
}

/** The leads directory (one roster read per borough) and the cross-borough conversations. */
export async function leadsOverview(app: ServerDeps): Promise<LeadsOverview> {
  // The same read as the bot's leads card, over the Leads page's window (the last 90 days and the next year).
  const { rosters, meetings: upcoming } = await readLeadsDirectory(app, TAB_WINDOW);
  return {
    directory: rosters.map((r, i) => ({
      borough: r.borough,
      boroughName: BOROUGHS[i]!.name,
      lead: r.lead ? person(r.lead) : null,
      deputies: r.deputies.map(person),
    })),
    conversations: upcoming.map((m) => ({
      id: m.id,
      topic: m.topic,
      // What people read: the theme's and format's titles, never the stored codes (outcome:education).
      theme: themeTitle(m.theme),
      startsAt: m.startsAt,
      format: choiceTitle(FORMATS, m.format),
      place: m.place,
      convenerName: m.convenerName,
      convenerBorough: m.convenerBorough,
      status: m.status,
      outcomes: m.outcomes,
    })),
  };
}

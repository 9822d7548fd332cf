import type { ServerDeps } from "./server-deps";
import { FORMATS, themeTitle } from "../convening/themes";
import { BOROUGHS } from "../domain/boroughs";
import { choiceTitle } from "../proforma/proforma";
import type { LeadTerm } from "../leads/lead-term";

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

const DAY_MS = 24 * 3600_000;
/** The Leads page shows conversations from the last 90 days and the next year. */
const PAST_DAYS = 90;
const AHEAD_DAYS = 366;

function person(term: LeadTerm): DirectoryPerson {
  return { name: term.name, jobTitle: term.jobTitle, since: term.since };
}

/** The leads directory (one roster read per borough) and the cross-borough conversations. */
export async function leadsOverview(app: ServerDeps): Promise<LeadsOverview> {
  const now = app.now().getTime();
  const [rosters, upcoming] = await Promise.all([
    Promise.all(BOROUGHS.map((b) => app.leads.roster(b.code))),
    app.meetings.between(new Date(now - PAST_DAYS * DAY_MS).toISOString(), new Date(now + AHEAD_DAYS * DAY_MS).toISOString()),
  ]);
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

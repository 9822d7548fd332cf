import { renderCard, type AdaptiveCard } from "../cards/render-card";
import { hasSubmitted, type BoroughResponse } from "./borough-responses";
import type { CirculationRound } from "./circulation-store";
import { longDate } from "./parse-deadline";

/** Data bound to cards/circulation-invitation.json. */
export interface InvitationData {
  heading: string;
  text: string;
  deadline: string;
}

export function invitationCard(boroughName: string, round: CirculationRound): AdaptiveCard {
  return renderCard<InvitationData>("circulation-invitation", {
    heading: `LIIA asks ${boroughName} to share good practice`,
    text: `Please share the initiatives in ${boroughName} that tackle racial disparities for children, using the standard proforma, by ${longDate(round.deadline)}. Save a draft at any step and come back to it with my proformas.`,
    deadline: longDate(round.deadline),
  });
}

export function reminderCard(boroughName: string, round: CirculationRound, hasDraft: boolean): AdaptiveCard {
  return renderCard<InvitationData>("circulation-reminder", {
    heading: `Reminder: ${boroughName}'s proforma is due by ${longDate(round.deadline)}`,
    text: hasDraft
      ? `${boroughName} has a draft proforma that is not submitted yet. Type my proformas to resume it and press Submit.`
      : `LIIA has not yet received a proforma from ${boroughName}. It takes about fifteen minutes; a draft can be saved at any step.`,
    deadline: longDate(round.deadline),
  });
}

/** Data bound to cards/circulation-posted.json. */
export interface PostedData {
  heading: string;
  lines: { text: string }[];
}

export function postedCard(heading: string, lines: string[]): AdaptiveCard {
  return renderCard<PostedData>("circulation-posted", { heading, lines: lines.map((text) => ({ text })) });
}

/** Data bound to cards/circulation-status.json. */
export interface StatusData {
  heading: string;
  summary: string;
  rows: { name: string; state: string; color: "Good" | "Warning" | "Attention" | "Default" }[];
}

export function statusCard(round: CirculationRound, responses: BoroughResponse[], invited: Set<string>): AdaptiveCard {
  const count = (state: BoroughResponse["state"]) => responses.filter((r) => r.state === state).length;
  const submitted = responses.filter((r) => hasSubmitted(r.state)).length;
  const split = submitted > 0 ? `: ${count("published")} published, ${count("in review")} in review` : "";
  const overdue = responses.filter((r) => r.overdue).map((r) => r.name);
  return renderCard<StatusData>("circulation-status", {
    heading: `Proforma status: deadline ${longDate(round.deadline)}`,
    summary: `${submitted} of ${responses.length} boroughs have submitted${split}. ${overdue.length ? `Overdue: ${overdue.join(", ")}.` : "Nobody is overdue."}`,
    rows: responses.map((r) => ({
      name: r.name,
      state: `${r.state}${r.overdue ? " · overdue" : ""}${invited.has(r.borough) ? "" : " · no borough channel registered"}`,
      color: hasSubmitted(r.state) ? "Good" : r.overdue ? "Attention" : r.state === "draft only" ? "Warning" : "Default",
    })),
  });
}

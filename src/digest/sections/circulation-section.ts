import { boroughResponses, hasSubmitted, type ResponseState } from "../../circulation/borough-responses";
import { weekMonday } from "../../domain/iso-week";
import type { DigestSectionSource } from "../digest-section-source";
import { plural } from "./feed-lines";
import { weekBounds } from "./week-bounds";

const WORDS: Record<ResponseState, string> = { published: "responded", "in review": "responded", "draft only": "draft only", nothing: "nothing yet" };

const longDate = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "long", year: "numeric" });

/**
 * Circulation status per borough, from the circulation feature's own state: the latest round (one
 * small partition) and each borough's entries changed since the round counts from (one partition
 * query per borough), as `proforma status` shows them. A round counts for the week if it opened before the
 * week ended and its deadline was not before the week began.
 */
export const circulationSection: DigestSectionSource = {
  id: "circulation",
  title: "Circulation and responses",
  order: 20,
  async build({ ctx, week }) {
    const round = await ctx.circulations.latest();
    const monday = weekMonday(week)!.toISOString().slice(0, 10);
    if (!round || round.openedAt >= weekBounds(week).to.toISOString() || round.deadline < monday) return { summary: "", lines: [] };
    const responses = await boroughResponses(ctx, round);
    const count = (state: ResponseState) => responses.filter((r) => r.state === state).length;
    const overdue = responses.filter((r) => r.overdue).length;
    const deadline = longDate.format(new Date(`${round.deadline}T00:00:00Z`));
    return {
      summary: `Proforma circulation, deadline ${deadline}: ${responses.filter((r) => hasSubmitted(r.state)).length} of ${responses.length} boroughs responded, ${count("draft only")} with a draft only, ${count("nothing")} with nothing yet${overdue ? `; ${plural(overdue, "borough")} overdue` : ""}.`,
      lines: responses.map((r) => ({ borough: r.borough, text: [WORDS[r.state], r.overdue ? "overdue" : ""].filter(Boolean).join(" · ") })),
    };
  },
};

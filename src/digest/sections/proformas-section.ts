import { OUTCOME_AREAS, choiceTitle } from "../../proforma/proforma";
import type { DigestSectionSource } from "../digest-section-source";
import { boroughCount, eventLines, latestPerSubject, plural } from "./feed-lines";

const KINDS = new Set(["proforma.submitted", "proforma.published"]);

function themes(value: unknown): string {
  return String(value ?? "")
    .split(",")
    .map((v) => v.trim())
    .filter(Boolean)
    .map((v) => choiceTitle(OUTCOME_AREAS, v))
    .join(", ");
}

/** New and published proformas by borough and theme, from the week's proforma.submitted/published rows. */
export const proformasSection: DigestSectionSource = {
  id: "proformas",
  title: "Practice shared",
  order: 10,
  async build({ events }) {
    const latest = latestPerSubject(events.filter((e) => KINDS.has(e.kind)));
    const published = latest.filter((e) => e.kind === "proforma.published").length;
    const fresh = latest.length - published;
    if (latest.length === 0) return { summary: "", lines: [] };
    return {
      summary: `${fresh} new and ${published} published, from ${plural(boroughCount(latest), "borough")}.`,
      lines: eventLines(latest, (e) => [e.kind === "proforma.published" ? "published" : "new", themes(e.data?.outcomeAreas)].filter(Boolean).join(" · ")),
    };
  },
};

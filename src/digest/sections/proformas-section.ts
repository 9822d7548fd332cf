import type { FeedEvent } from "../../activity-feed/feed-event";
import { entryThemes } from "../../proforma/proforma";
import type { DigestSectionSource } from "../digest-section-source";
import { boroughCount, eventLines, latestPerSubject, plural } from "./feed-lines";

type SharedEvent = Extract<FeedEvent, { kind: "proforma.submitted" | "proforma.published" }>;

function isShared(e: FeedEvent): e is SharedEvent {
  return e.kind === "proforma.submitted" || e.kind === "proforma.published";
}

/** A feed row's list field: the proforma feed writes lists as comma-separated values. */
function values(value: unknown): string[] {
  return String(value ?? "")
    .split(",")
    .map((v) => v.trim())
    .filter(Boolean);
}

function themesOf(e: SharedEvent): string[] {
  return entryThemes(values(e.data?.outcomeAreas), values(e.data?.priorities));
}

/** "Social care 2, Youth justice 1": entries per theme (outcome areas, then pan-London priorities), most first. */
function themeCounts(events: readonly SharedEvent[]): string {
  const counts = new Map<string, number>();
  for (const e of events) for (const t of new Set(themesOf(e))) counts.set(t, (counts.get(t) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([t, n]) => `${t} ${n}`)
    .join("; ");
}

/** New and published proformas by borough and theme, from the week's proforma.submitted/published rows. */
export const proformasSection: DigestSectionSource = {
  id: "proformas",
  title: "Practice shared",
  order: 10,
  async build({ events }) {
    const latest = latestPerSubject(events.filter(isShared));
    const published = latest.filter((e) => e.kind === "proforma.published").length;
    const fresh = latest.length - published;
    if (latest.length === 0) return { summary: "", lines: [] };
    const byTheme = themeCounts(latest);
    return {
      summary: `${fresh} new and ${published} published, from ${plural(boroughCount(latest), "borough")}.${byTheme ? ` By theme: ${byTheme}.` : ""}`,
      lines: eventLines(latest, (e) => [e.kind === "proforma.published" ? "published" : "new", themesOf(e).join(", ")].filter(Boolean).join(" · ")),
    };
  },
};

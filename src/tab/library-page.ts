import { BOROUGHS } from "../domain/boroughs";
import { OUTCOME_AREAS } from "../proforma/proforma";
import { getJson } from "./api-client";
import { clear, el, formatDate, labelledSelect, uniqueId } from "./dom";
import { whoAmI } from "./me";
import type { Host } from "./teams-host";

/** A published proforma as the library lists it (read tolerantly from /api/library). */
export interface LibraryEntry {
  id: string;
  title: string;
  borough: string;
  boroughName: string;
  outcomeAreas: string[];
  summary: string;
  impact: string;
  contactName: string;
  publishedAt: string;
}

function text(value: unknown): string {
  return typeof value === "string" ? value : "";
}

export function toEntries(body: unknown): LibraryEntry[] {
  const b = body as Record<string, unknown> | unknown[] | null;
  const list = Array.isArray(b) ? b : ((b?.items ?? b?.entries ?? b?.proformas ?? []) as unknown[]);
  if (!Array.isArray(list)) return [];
  return list.map((raw) => {
    const r = (raw ?? {}) as Record<string, unknown>;
    // GET /api/library gives borough as { code, name } and contact as { name, jobTitle }.
    const b = (r.borough ?? {}) as Record<string, unknown>;
    const borough = typeof r.borough === "string" ? r.borough : text(b.code);
    const contact = (r.contact ?? {}) as Record<string, unknown>;
    return {
      id: text(r.id),
      title: text(r.title),
      borough,
      boroughName: text(b.name) || BOROUGHS.find((x) => x.code === borough)?.name || borough,
      outcomeAreas: Array.isArray(r.outcomeAreas) ? r.outcomeAreas.filter((x): x is string => typeof x === "string") : [],
      summary: text(r.summary),
      impact: text(r.impact),
      contactName: [text(contact.name), text(contact.jobTitle)].filter(Boolean).join(", ") || text(r.contactName),
      publishedAt: text(r.publishedAt) || text(r.updatedAt),
    };
  });
}

function outcomeTitle(value: string): string {
  return OUTCOME_AREAS.find((o) => o.value === value)?.title ?? value;
}

function matches(entry: LibraryEntry, words: string[], borough: string, outcome: string): boolean {
  if (borough && entry.borough !== borough) return false;
  if (outcome && !entry.outcomeAreas.includes(outcome)) return false;
  const haystack = `${entry.title} ${entry.summary} ${entry.impact} ${entry.boroughName}`.toLowerCase();
  return words.every((w) => haystack.includes(w));
}

function entryCard(entry: LibraryEntry): HTMLElement {
  const headingId = uniqueId("entry");
  return el(
    "article",
    { class: "card", "aria-labelledby": headingId },
    el("h3", { id: headingId }, entry.title),
    el("p", { class: "meta" }, [entry.boroughName, ...entry.outcomeAreas.map(outcomeTitle)].filter(Boolean).join(" · ")),
    el("p", {}, entry.summary),
    entry.impact ? el("details", {}, el("summary", {}, "Impact"), el("p", {}, entry.impact)) : null,
    el(
      "p",
      { class: "meta" },
      [entry.contactName ? `Contact: ${entry.contactName}` : "", entry.publishedAt ? `Published ${formatDate(entry.publishedAt)}` : ""]
        .filter(Boolean)
        .join(" · "),
    ),
  );
}

/** Practice library: search and filters over the published proformas. */
export async function renderLibrary(root: HTMLElement, host: Host): Promise<void> {
  const [body, me] = await Promise.all([getJson<unknown>(host, "/api/library"), whoAmI(host)]);
  const entries = toEntries(body);
  const searchId = uniqueId("search");
  const search = el("input", { id: searchId, type: "search", autocomplete: "off", placeholder: "Words in the title, summary or impact" });
  // The caller's own borough first: the filter starts there, and "All boroughs" widens it.
  const borough = labelledSelect("Borough", [["", "All boroughs"], ...BOROUGHS.map((b): [string, string] => [b.code, b.name])], me?.borough?.code ?? "");
  const outcome = labelledSelect("Outcome area", [["", "All outcome areas"], ...OUTCOME_AREAS.map((o): [string, string] => [o.value, o.title])]);
  const count = el("p", { class: "count", role: "status", "aria-live": "polite" });
  const list = el("div", { class: "cards" });
  const form = el(
    "form",
    { class: "filters", role: "search", "aria-label": "Search the practice library" },
    el("div", { class: "field" }, el("label", { for: searchId }, "Search"), search),
    borough.wrapper,
    outcome.wrapper,
  );
  form.addEventListener("submit", (e) => e.preventDefault());

  const update = () => {
    const words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
    const shown = entries.filter((e) => matches(e, words, borough.select.value, outcome.select.value));
    clear(list);
    for (const e of shown) list.appendChild(entryCard(e));
    count.textContent =
      entries.length === 0
        ? "Nothing has been published to the library yet."
        : `${shown.length} of ${entries.length} published ${entries.length === 1 ? "entry" : "entries"} shown.`;
  };
  search.addEventListener("input", update);
  borough.select.addEventListener("change", update);
  outcome.select.addEventListener("change", update);

  clear(root);
  root.append(
    el("h2", {}, "Practice library"),
    el("p", {}, "Good practice the boroughs have shared on tackling racial disparities, once reviewed and published."),
    form,
    count,
    list,
  );
  update();
}

import { BOROUGHS } from "../domain/boroughs";
import { getJson } from "./api-client";
import { clear, el, formatDate } from "./dom";
import type { Host } from "./teams-host";
import type { DirectoryPerson, LeadsOverview } from "../server/leads-api";

// The shapes /api/leads answers; type-only, so nothing of the server reaches the bundle.
type Person = DirectoryPerson;
type LeadsBody = LeadsOverview;

function personText(p: Person): string {
  return p.jobTitle ? `${p.name}, ${p.jobTitle}` : p.name;
}

function directoryTable(directory: LeadsBody["directory"]): HTMLElement {
  const body = el("tbody");
  for (const row of directory) {
    body.appendChild(
      el(
        "tr",
        {},
        el("th", { scope: "row" }, row.boroughName),
        el("td", {}, row.lead ? personText(row.lead) : "No lead confirmed yet"),
        el("td", {}, row.deputies.length ? row.deputies.map(personText).join("; ") : "None"),
      ),
    );
  }
  return el(
    "div",
    { class: "table-wrap" },
    el(
      "table",
      {},
      el("caption", {}, "Each borough's confirmed lead and deputies"),
      el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "Borough"), el("th", { scope: "col" }, "Lead"), el("th", { scope: "col" }, "Deputies"))),
      body,
    ),
  );
}

function conversationItem(c: LeadsBody["conversations"][number]): HTMLElement {
  const borough = BOROUGHS.find((b) => b.code === c.convenerBorough)?.name ?? c.convenerBorough;
  const upcoming = new Date(c.startsAt).getTime() > Date.now();
  return el(
    "li",
    { class: "card" },
    el("h5", {}, c.topic),
    el("p", { class: "meta" }, [formatDate(c.startsAt, true), c.theme, c.format, c.place].filter(Boolean).join(" · ")),
    el("p", {}, `Convened by ${c.convenerName}${borough ? ` (${borough})` : ""}.`),
    c.status === "cancelled" ? el("p", { class: "flag" }, "Cancelled") : null,
    c.outcomes
      ? el("details", {}, el("summary", {}, "Outcomes"), el("p", {}, c.outcomes))
      : !upcoming && c.status !== "cancelled"
        ? el("p", { class: "meta" }, "No outcomes recorded yet.")
        : null,
  );
}

/** Leads: the directory of borough leads and the cross-borough conversations. */
export async function renderLeads(root: HTMLElement, host: Host): Promise<void> {
  const data = await getJson<LeadsBody>(host, "/api/leads");
  const now = Date.now();
  const upcoming = data.conversations.filter((c) => new Date(c.startsAt).getTime() >= now);
  const past = data.conversations.filter((c) => new Date(c.startsAt).getTime() < now).reverse();
  clear(root);
  root.append(
    el("h2", {}, "Leads"),
    el("h3", {}, "Borough leads"),
    directoryTable(data.directory),
    el("h3", {}, "Conversations"),
    el("h4", { class: "sub" }, "Coming up"),
    upcoming.length ? el("ul", { class: "cards plain" }, ...upcoming.map(conversationItem)) : el("p", {}, "No conversations are planned."),
    el("h4", { class: "sub" }, "Recent"),
    past.length ? el("ul", { class: "cards plain" }, ...past.map(conversationItem)) : el("p", {}, "No conversations in the last three months."),
  );
}

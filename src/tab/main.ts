import { renderData } from "./data-page";
import { clear, el } from "./dom";
import { renderLeads } from "./leads-page";
import { renderLibrary } from "./library-page";
import { callerLine, whoAmI } from "./me";
import { connectHost, type Host } from "./teams-host";

/** The tab's entry: connects to Teams when framed by it, then shows the page the address names. */

const PAGES: Record<string, { title: string; render: (root: HTMLElement, host: Host) => Promise<void> }> = {
  library: { title: "Practice library", render: renderLibrary },
  leads: { title: "Leads", render: renderLeads },
  data: { title: "Data", render: renderData },
};

function currentPage(fallback: string): string {
  const name = location.hash.replace(/^#/, "");
  return PAGES[name] ? name : PAGES[fallback] ? fallback : "library";
}

async function show(host: Host, fallback: string): Promise<void> {
  const name = currentPage(fallback);
  const root = document.getElementById("page")!;
  for (const link of Array.from(document.querySelectorAll<HTMLAnchorElement>("nav a"))) {
    if (link.hash === `#${name}`) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
  document.title = `${PAGES[name]!.title} · Disparities Hub`;
  clear(root);
  root.append(el("p", { role: "status" }, "Loading…"));
  try {
    await PAGES[name]!.render(root, host);
  } catch (error) {
    clear(root);
    root.append(
      el("h2", {}, PAGES[name]!.title),
      el("p", { role: "alert", class: "error" }, error instanceof Error ? error.message : "This page could not be loaded."),
    );
  }
  document.body.dataset.ready = name;
}

async function start(): Promise<void> {
  const host = await connectHost();
  document.body.dataset.host = host.inTeams ? "teams" : "browser";
  void whoAmI(host).then((me) => {
    const line = document.getElementById("who");
    if (line && me) line.textContent = callerLine(me);
  });
  const fallback = host.pageHint ?? "library";
  window.addEventListener("hashchange", () => {
    void show(host, fallback).then(() => document.getElementById("main")?.focus());
  });
  await show(host, fallback);
}

void start();

import { app, pages } from "@microsoft/teams-js";
import { el } from "./dom";
import { applyTheme, extraOrigins } from "./teams-host";

/** The channel tab's settings page: which page of the hub the tab shows. */

const CHOICES: [string, string][] = [
  ["library", "Practice library"],
  ["leads", "Leads"],
  ["data", "Data"],
];

async function start(): Promise<void> {
  applyTheme(matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "default");
  const form = document.getElementById("choice") as HTMLFormElement;
  const note = document.getElementById("note")!;
  CHOICES.forEach(([value, text], i) => {
    const id = `page-${value}`;
    const input = el("input", { type: "radio", name: "page", id, value });
    if (i === 0) input.checked = true;
    document.getElementById("choices")!.append(el("div", { class: "choice" }, input, el("label", { for: id }, text)));
  });
  if (window.parent === window) {
    note.textContent = "Open this page from Teams, when adding the hub as a tab, to choose what the tab shows.";
    return;
  }
  await app.initialize(extraOrigins());
  // The settings page takes Teams' theme like the tab does; without a context it keeps the default.
  void app.getContext().then(
    (context) => applyTheme(context.app.theme),
    () => undefined,
  );
  app.registerOnThemeChangeHandler(applyTheme);
  const chosen = () => form.querySelector<HTMLInputElement>("input[name=page]:checked")?.value ?? "library";
  pages.config.registerOnSaveHandler((save) => {
    const page = chosen();
    const title = CHOICES.find(([v]) => v === page)?.[1] ?? "Disparities Hub";
    pages.config
      .setConfig({
        entityId: `hub-${page}`,
        contentUrl: `${location.origin}/tab/index.html?surface=channel#${page}`,
        websiteUrl: `${location.origin}/tab/index.html#${page}`,
        suggestedDisplayName: title,
      })
      .then(
        () => save.notifySuccess(),
        (e: unknown) => save.notifyFailure(e instanceof Error ? e.message : "The tab could not be saved."),
      );
  });
  pages.config.setValidityState(true);
  app.notifySuccess();
}

void start();

import { readFileSync } from "node:fs";
import path from "node:path";
import * as ACData from "adaptivecards-templating";
import { HubError } from "../domain/errors";
import { withoutLiveLinks } from "./inert-text";
import { PROJECT_ROOT } from "../project-root";

/** The folder of Adaptive Card 1.5 templates, one JSON file per view. */
export const CARDS_DIR = path.join(PROJECT_ROOT, "cards");

/** A card should weigh under 28 KB (Teams' card payload guidance). */
export const MAX_CARD_BYTES = 28 * 1024;

export type { AdaptiveCard } from "../domain/card";
import type { AdaptiveCard } from "../domain/card";

const templates = new Map<string, unknown>();

/*
 * adaptivecards-templating parses every `${...}` string of a template again on every expansion, with
 * the adaptive-expressions parser: 7 to 30 ms a card, most of a bot turn. The parsed expressions are
 * immutable and evaluated against the data passed in, so parse each distinct string once.
 */
const parsed = new Map<string, unknown>();
const parseInterpolated = ACData.Template.parseInterpolatedString.bind(ACData.Template);
ACData.Template.parseInterpolatedString = (text: string) => {
  let expression = parsed.get(text);
  if (expression === undefined) {
    expression = parseInterpolated(text);
    if (parsed.size < 5000) parsed.set(text, expression);
  }
  return expression as ReturnType<typeof parseInterpolated>;
};

function template(name: string): unknown {
  let t = templates.get(name);
  if (t === undefined) {
    t = JSON.parse(readFileSync(path.join(CARDS_DIR, `${name}.json`), "utf8"));
    templates.set(name, t);
  }
  return t;
}

/**
 * Every text a card shows, its links, images, tags and mentions broken in place (see inert-text.ts):
 * TextBlock and TextRun text, FactSet titles and values (Teams reads TextBlocks and facts as Markdown),
 * choice titles, toggle titles and input labels. Input values, action data and ids are left exactly
 * as they are: they go back to the service.
 */
function inertTexts(node: unknown): void {
  if (Array.isArray(node)) {
    for (const n of node) inertTexts(n);
    return;
  }
  if (!node || typeof node !== "object") return;
  const n = node as Record<string, unknown>;
  const type = n.type;
  if ((type === "TextBlock" || type === "TextRun") && typeof n.text === "string") n.text = withoutLiveLinks(n.text);
  if (type === "Input.Toggle" && typeof n.title === "string") n.title = withoutLiveLinks(n.title);
  if (typeof type === "string" && type.startsWith("Input.") && typeof n.label === "string") n.label = withoutLiveLinks(n.label);
  for (const key of ["facts", "choices"]) {
    const list = n[key];
    if (!Array.isArray(list)) continue;
    for (const item of list as Record<string, unknown>[]) {
      if (!item || typeof item !== "object") continue;
      if (typeof item.title === "string") item.title = withoutLiveLinks(item.title);
      if (key === "facts" && typeof item.value === "string") item.value = withoutLiveLinks(item.value);
    }
  }
  for (const [key, value] of Object.entries(n)) if (key !== "data" && value && typeof value === "object") inertTexts(value);
}

/**
 * Binds a template in cards/ to its data. Every string a user typed should reach here through
 * `inert()` (see inert-text.ts), which also keeps a typed `${` from reading as an unbound field; the
 * result is checked for unbound `${`, then every text it shows has its link forms broken once more
 * (so no typed link can bypass inert(), and the bot's own placeholders such as `<date>` stay
 * visible), then it is weighed.
 */
export function renderCard<T extends object>(name: string, data: T): AdaptiveCard {
  const card = new ACData.Template(template(name)).expand({ $root: data }) as AdaptiveCard;
  if (JSON.stringify(card).includes("${")) throw new HubError("internal", "A card could not be shown.", { card: name, reason: "unbound template field" });
  inertTexts(card.body);
  inertTexts(card.actions);
  const json = JSON.stringify(card);
  if (Buffer.byteLength(json, "utf8") > MAX_CARD_BYTES) throw new HubError("too-large", "This card is too large to show in Teams.", { card: name });
  return card;
}

import { readFileSync } from "node:fs";
import path from "node:path";
import * as ACData from "adaptivecards-templating";
import { HubError } from "../domain/errors";
import { PROJECT_ROOT } from "../project-root";

/** The folder of Adaptive Card 1.5 templates, one JSON file per view. */
export const CARDS_DIR = path.join(PROJECT_ROOT, "cards");

/** A card should weigh under 28 KB (Teams' card payload guidance). */
export const MAX_CARD_BYTES = 28 * 1024;

export type AdaptiveCard = Record<string, unknown> & { type: "AdaptiveCard" };

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
 * Binds a template in cards/ to its data. Every string a user typed must reach here through
 * `inert()` (see inert-text.ts); the result is checked for unbound `${` and for weight.
 */
export function renderCard<T extends object>(name: string, data: T): AdaptiveCard {
  const card = new ACData.Template(template(name)).expand({ $root: data }) as AdaptiveCard;
  const json = JSON.stringify(card);
  if (json.includes("${")) throw new HubError("internal", "A card could not be shown.", { card: name, reason: "unbound template field" });
  if (Buffer.byteLength(json, "utf8") > MAX_CARD_BYTES) throw new HubError("too-large", "This card is too large to show in Teams.", { card: name });
  return card;
}

import type { AdaptiveCard } from "../../src/cards/render-card";

// The adaptivecards package's module entry does not load in Node; its UMD bundle does.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require("adaptivecards/dist/adaptivecards.min.js");

export interface CardCheck {
  errors: string[];
  bytes: number;
  verbs: string[];
  inputIds: string[];
  texts: string[];
}

function walk(node: unknown, visit: (n: Record<string, unknown>) => void): void {
  if (Array.isArray(node)) node.forEach((n) => walk(n, visit));
  else if (node && typeof node === "object") {
    visit(node as Record<string, unknown>);
    Object.values(node).forEach((v) => walk(v, visit));
  }
}

/**
 * Parses a rendered card with the adaptivecards library and lists what is wrong with it: the
 * library's validation failures, plus what it misses (a TextBlock without text, an Image without url).
 */
export function checkCard(card: AdaptiveCard): CardCheck {
  const json = JSON.stringify(card);
  const errors: string[] = [];
  if (json.includes("${")) errors.push("unbound ${ left in the card");
  const context = new AC.SerializationContext();
  const parsed = new AC.AdaptiveCard();
  parsed.parse(card, context);
  // Elements this library does not know (Teams' Chart.* elements) are fine when they carry a fallback.
  const withoutFallback = new Set<string>();
  walk(card, (n) => {
    if (typeof n.type === "string" && n.type.startsWith("Chart.") && !n.fallback) withoutFallback.add(n.type);
  });
  for (const event of context.eventCount ? Array.from({ length: context.eventCount }, (_, i) => context.getEventAt(i)) : []) {
    const unknown = /^Unknown element type "(Chart\.[A-Za-z.]+)"/.exec(event.message);
    if (unknown && !withoutFallback.has(unknown[1]!)) continue;
    errors.push(`parse: ${event.message}`);
  }
  if (parsed) {
    const result = parsed.validateProperties();
    for (const event of result.validationEvents as { message: string }[]) errors.push(`validate: ${event.message}`);
  }
  const verbs: string[] = [];
  const inputIds: string[] = [];
  const texts: string[] = [];
  walk(card, (n) => {
    if (n.type === "TextBlock" && (typeof n.text !== "string" || n.text === "")) errors.push("TextBlock without text");
    if (n.type === "Image" && !n.url) errors.push("Image without url");
    if (n.type === "Action.Execute" && typeof n.verb === "string") verbs.push(n.verb);
    if (typeof n.type === "string" && n.type.startsWith("Input.") && typeof n.id === "string") inputIds.push(n.id);
    if ((n.type === "TextBlock" || n.type === "TextRun") && typeof n.text === "string") texts.push(n.text);
  });
  return { errors, bytes: Buffer.byteLength(json), verbs, inputIds, texts };
}

/** The first element of a card (depth first) that matches. */
export function findElement(card: unknown, match: (n: Record<string, unknown>) => boolean): Record<string, unknown> | undefined {
  let found: Record<string, unknown> | undefined;
  walk(card, (n) => {
    if (!found && match(n)) found = n;
  });
  return found;
}

/**
 * Where each input sits in the tree a React card renderer (Teams', the Agents Playground's) builds:
 * each element is keyed by its `key` or else by its type and place among its siblings. When a card
 * replaces another, an element at the same place is updated rather than made anew, and a compact
 * choice set keeps the option list it was first drawn with.
 */
export function inputPlaces(card: AdaptiveCard): { place: string; id: string; type: string; style: string }[] {
  const found: { place: string; id: string; type: string; style: string }[] = [];
  const visit = (items: unknown, parent: string) => {
    if (!Array.isArray(items)) return;
    items.forEach((item: Record<string, unknown>, index) => {
      const type = String(item.type);
      const place = `${parent}/${typeof item.key === "string" ? item.key : `${type}-${index}`}`;
      if (type.startsWith("Input.")) found.push({ place, id: String(item.id), type, style: String(item.style ?? "compact") });
      for (const children of ["items", "columns", "body"]) visit(item[children], place);
    });
  };
  visit((card as { body?: unknown }).body, "");
  return found;
}

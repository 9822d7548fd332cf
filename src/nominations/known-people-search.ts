import type { SearchHandler, SearchResult } from "../domain/handlers";
import { isCoordinator } from "../domain/actor";
import { boroughByCode } from "../domain/boroughs";
import type { Turn } from "../domain/conversation";
import { HubError } from "../domain/errors";
import { isPersonId } from "../people/person-id";
import type { Person } from "../people/person";
import type { NominationDeps } from "./nominations-deps";

/** The dataset the nominating card's own typeahead asks for (Input.ChoiceSet, Data.Query). */
export const KNOWN_PEOPLE_DATASET = "hub.knownpeople";
/** Teams shows at most 15 choices in a typeahead's list. */
const MAX_RESULTS = 15;
const MAX_QUERY = 100;

/**
 * The value a chosen person carries back on the card: their id and the tenant the Hub knows them in,
 * `<person id>@<tenant id>` (neither part can hold an @). Only a locator: the nomination still reads
 * the person from the Hub's own records, and refuses anyone it does not hold.
 */
export function knownPersonValue(p: { objectId: string; tenantId: string }): string {
  return `${p.objectId}@${p.tenantId}`;
}

export function parseKnownPersonValue(value: string): { objectId: string; tenantId: string } | undefined {
  const at = value.lastIndexOf("@");
  if (at <= 0) return undefined;
  const objectId = value.slice(0, at).trim().toLowerCase();
  const tenantId = value
    .slice(at + 1)
    .trim()
    .toLowerCase();
  return isPersonId(objectId) && isPersonId(tenantId) ? { objectId, tenantId } : undefined;
}

/** Lower case, accents dropped, so "Zoë" is found by "zoe". */
function fold(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
}

/** Every word typed starts a word of the person's name or borough. */
function matches(person: Person, words: readonly string[]): boolean {
  const haystack = fold(`${person.name} ${boroughByCode(person.borough)?.name ?? ""}`).split(/[^\p{L}\p{N}]+/u);
  return words.every((w) => haystack.some((h) => h.startsWith(w)));
}

function titleOf(person: Person): string {
  const borough = boroughByCode(person.borough)?.name ?? "borough not recorded";
  return `${person.name.replace(/\p{Cc}/gu, " ").slice(0, 120)} · ${borough}`;
}

/**
 * The nominating card's own people search, for nominees the organisation-wide picker cannot reach (it
 * searches only the card's own tenant, and not in channels): everyone the Hub knows, across the
 * boroughs' tenants, by name or borough. Only people who may nominate can search. The people table
 * holds a few hundred people at most, so it is read whole and filtered here.
 */
export const searchKnownPeople: SearchHandler<NominationDeps> = async (ctx, turn: Turn, query): Promise<SearchResult[]> => {
  if (!isCoordinator(turn.actor) && !turn.actor.borough)
    throw new HubError("forbidden", "Your borough is not recorded in the Hub, so you cannot nominate yet. Ask an LIIA coordinator to add you.");
  const words = fold(query.text.slice(0, MAX_QUERY))
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  const found = (await ctx.people.list())
    .filter((p) => p.name.trim() && matches(p, words))
    .sort((a, b) => a.name.localeCompare(b.name) || a.objectId.localeCompare(b.objectId));
  const top = Math.min(MAX_RESULTS, Math.max(1, query.top || MAX_RESULTS));
  return found.slice(Math.max(0, query.skip), Math.max(0, query.skip) + top).map((p) => ({ title: titleOf(p), value: knownPersonValue(p) }));
};

import type { AdaptiveCard } from "./card";
import type { Turn } from "./conversation";

/**
 * A typed text command: gets what it depends on (each feature declares its own `...Deps`), the turn and
 * the words after the command, and answers with a card for the asker.
 */
export type CommandHandler<D> = (deps: D, turn: Turn, args: string) => Promise<AdaptiveCard>;

/** A card button's verb: gets the card's data merged with its inputs, answers with the card that replaces it. */
export type VerbHandler<D, T = unknown> = (deps: D, turn: Turn, data: T) => Promise<AdaptiveCard>;

/** What a typeahead (an Input.ChoiceSet with a Data.Query) asked for: its dataset, what was typed, the page. */
export interface SearchQuery {
  dataset: string;
  text: string;
  skip: number;
  top: number;
}

/** One choice a typeahead lists: what the person reads and the value the card sends back. */
export interface SearchResult {
  title: string;
  value: string;
}

/** A typeahead's search (Teams' `application/search` invoke): answers the choices to list. */
export type SearchHandler<D> = (deps: D, turn: Turn, query: SearchQuery) => Promise<SearchResult[]>;

/** How the bot finds the handler for a typed command or a card button (the list lives at the top, in src/commands.ts). */
export interface Routes<D> {
  /** The command a message asks for, with the words after it; undefined when nothing matches. */
  matchCommand(text: string): { words: string; handler: CommandHandler<D>; args: string } | undefined;
  /** Whether a button's verb is one of the known verbs. */
  isVerb(value: unknown): boolean;
  verbHandler(verb: unknown): VerbHandler<D> | undefined;
  /** The search behind a typeahead's dataset; undefined for a dataset the Hub does not offer. */
  searchHandler(dataset: string): SearchHandler<D> | undefined;
}

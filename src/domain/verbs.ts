import { z } from "zod";
import { HubError } from "./errors";
import type { VerbHandler } from "./handlers";

/**
 * A feature's card verbs, each with the zod schema its card data must meet: the verb names are the
 * keys, so `keyof` of a feature's map is the union of its verbs (and card builders take only those).
 */
export type VerbSchemas = Record<string, z.ZodType>;

/** What a button of this verb puts in its data (before parsing), for the card builders. */
export type VerbInput<S extends VerbSchemas, V extends keyof S> = z.input<S[V]>;

/** What the handler of this verb is given, parsed. */
export type VerbData<S extends VerbSchemas, V extends keyof S> = z.output<S[V]>;

/** One handler per verb of a map, each given the data its schema parsed. */
export type VerbHandlers<D, S extends VerbSchemas> = { [V in keyof S]: VerbHandler<D, z.output<S[V]>> };

const UNWORDED = "\u0000unworded";

/** "The card's step" for path ["step"]: how a failed field is named when its schema gives no sentence of its own. */
function fieldName(path: readonly PropertyKey[]): string {
  return path.length ? `The card's ${path.map(String).join(".")}` : "The card's data";
}

/**
 * Parses a button's data with its verb's schema. A failure is a HubError naming the problem: the
 * schema's own sentence where it has one ("This card does not point at a proforma the bot knows."),
 * else the field and what was wrong with it.
 */
export function parseCardData<S extends z.ZodType>(schema: S, data: unknown): z.output<S> {
  // Issues without a sentence of the schema's own get this mark, and are named from their path below.
  // Card data is an object; any other shape (a string, an array, null) is read as an empty one.
  const input = schema instanceof z.ZodObject && (data === null || typeof data !== "object" || Array.isArray(data)) ? {} : (data ?? {});
  const parsed = schema.safeParse(input, { error: () => UNWORDED });
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const message = !issue ? "The card's data is not valid." : issue.message === UNWORDED ? `${fieldName(issue.path)} is not valid.` : issue.message;
  throw new HubError("invalid-input", message);
}

/** Binds a feature's schemas to its handlers: every verb's data is parsed by its schema before its handler sees it. */
export function bindVerbs<D, S extends VerbSchemas>(schemas: S, handlers: VerbHandlers<D, S>): { [V in keyof S]: VerbHandler<D> } {
  const bound = {} as { [V in keyof S]: VerbHandler<D> };
  for (const verb of Object.keys(schemas) as (keyof S)[]) {
    const schema = schemas[verb]!;
    const handler = handlers[verb];
    bound[verb] = (deps, turn, data) => handler(deps, turn, parseCardData(schema, data));
  }
  return bound;
}

/** A verb's card data: an object whose listed fields are parsed, others kept as they came (a form's inputs). */
export const cardObject = <T extends z.core.$ZodLooseShape>(shape: T) => z.looseObject(shape);

/**
 * The data a card's button carries for one of a feature's verbs: the verb first (the Action.Submit
 * fallback reads it from the data), then what the verb's schema reads. Card builders take only the
 * feature's verbs, and the data's fields are the schema's.
 */
export function verbData<S extends VerbSchemas, V extends keyof S & string>(
  _schemas: S,
  verb: V,
  data: VerbInput<S, V> & Record<string, unknown>,
): { verb: V } & VerbInput<S, V> {
  return { verb, ...data };
}

/** A form's text input as the handlers read it: trimmed text, or "" for anything that is not text. */
export const formText = z
  .string()
  .transform((s) => s.trim())
  .catch("");

/** A locator the card carries (a record's id): text, or undefined; the record itself decides rights. */
export const locator = z.string().optional().catch(undefined);

/**
 * A person's id as a Teams client states it. Teams gives Entra (AAD) object ids, GUIDs; the Agents
 * Playground and other test clients give their own ids (`user-id-1`, `29:...`). Every id the Hub keys
 * or queries on passes this check: letters, digits and `: . _ -` only, so no Table Storage key
 * character (`/ \ # ?`) or control character can reach a key.
 */
const PERSON_ID = /^[a-z0-9][a-z0-9:._-]{0,127}$/i;

export function isPersonId(value: unknown): boolean {
  return typeof value === "string" && PERSON_ID.test(value.trim());
}

/** The words every refusal of an id uses. */
export const PERSON_ID_WORDS = "a person's id (the Entra object id Teams gives, or the user id of a test client such as the Agents Playground)";

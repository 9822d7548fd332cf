import type { Role } from "../domain/actor";
import { findBorough } from "../domain/boroughs";
import { ROLES } from "./person";
import { isPersonId, PERSON_ID_WORDS } from "./person-id";

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface RoleChange {
  objectId: string;
  role: Role;
  /** GSS code; undefined when not given; "" for "none" (LIIA staff). */
  borough?: string;
  tenantId?: string;
}

export const ROLE_USAGE = "Write: role <person id> <coordinator|dcs|lead|staff> [borough] [tenant id]";

/**
 * Reads `role <object id> <role> [borough] [tenant id]`. Every part is checked against a closed list
 * (person ids, tenant GUIDs, the four roles, the eight boroughs), so nothing typed here reaches a key or query unchecked.
 */
export function parseRoleCommand(args: string): RoleChange | { error: string } {
  const words = args.trim().split(/\s+/).filter(Boolean);
  if (words.length < 2) return { error: ROLE_USAGE };
  const [objectId, roleWord, ...rest] = words as [string, string, ...string[]];
  if (!isPersonId(objectId)) return { error: `"${objectId.slice(0, 60)}" is not ${PERSON_ID_WORDS}. ${ROLE_USAGE}` };
  const role = roleWord.toLowerCase();
  if (!(ROLES as readonly string[]).includes(role)) return { error: `The role must be one of ${ROLES.join(", ")}.` };
  let tenantId: string | undefined;
  if (rest.length > 0 && GUID.test(rest[rest.length - 1]!)) tenantId = rest.pop()!.toLowerCase();
  let borough: string | undefined;
  if (rest.length > 0) {
    const text = rest.join(" ");
    if (/^(none|liia)$/i.test(text)) borough = "";
    else {
      const found = findBorough(text);
      if (!found) return { error: `"${text.slice(0, 60)}" is not one of the eight boroughs.` };
      borough = found.code;
    }
  }
  return { objectId: objectId.toLowerCase(), role: role as Role, borough, tenantId };
}

import type { Person } from "./person";

export interface PeopleStore {
  get(tenantId: string, objectId: string): Promise<Person | undefined>;
  put(person: Person): Promise<void>;
  /** Notes that a person talked to the bot (their id, name and tenant), keeping any roles they hold. */
  noteSeen(tenantId: string, objectId: string, name: string, at: string): Promise<void>;
  /** Local mode: sets (or, with undefined, ends) the person a client user acts as; keeps everything else. */
  setActingAs(tenantId: string, objectId: string, actingAs: { objectId: string; name: string } | undefined, at: string): Promise<void>;
  remove(tenantId: string, objectId: string): Promise<boolean>;
  /** Everyone the service holds, across tenants (a few hundred people at most). */
  list(): Promise<Person[]>;
}

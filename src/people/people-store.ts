import type { Person } from "./person";

export interface PeopleStore {
  get(tenantId: string, objectId: string): Promise<Person | undefined>;
  put(person: Person): Promise<void>;
  remove(tenantId: string, objectId: string): Promise<boolean>;
  /** Everyone the service holds, across tenants (a few hundred people at most). */
  list(): Promise<Person[]>;
}

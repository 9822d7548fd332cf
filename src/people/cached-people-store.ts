import type { Person } from "./person";
import type { PeopleStore } from "./people-store";

/**
 * How old a cached person (roles and borough) may be when a turn uses it. A role changed in this
 * instance is seen at once; one changed in another instance within this bound.
 */
export const PEOPLE_CACHE_MAX_AGE_MS = 60_000;
/** At most this many people are cached (a few hundred staff use the Hub); the oldest go first. */
const MAX_ENTRIES = 10_000;

/**
 * The people store with a bounded-age cache in front of `get`, so a turn does not read storage to
 * learn who is asking. Absence is cached too. Every change through this store (`put`, `noteSeen`,
 * `setActingAs`, `remove`) drops the person at once; a read in flight during a change is not cached.
 */
export class CachedPeopleStore implements PeopleStore {
  private readonly entries = new Map<string, { person: Person | undefined; at: number }>();
  private generation = 0;

  constructor(
    private readonly inner: PeopleStore,
    private readonly clock: () => number = () => performance.now(),
    private readonly maxAgeMs = PEOPLE_CACHE_MAX_AGE_MS,
  ) {}

  async get(tenantId: string, objectId: string): Promise<Person | undefined> {
    const key = keyOf(tenantId, objectId);
    const now = this.clock();
    const hit = this.entries.get(key);
    if (hit && now - hit.at < this.maxAgeMs && now >= hit.at) return hit.person;
    const generation = this.generation;
    const person = await this.inner.get(tenantId, objectId);
    if (generation === this.generation) {
      this.entries.delete(key);
      this.entries.set(key, { person, at: now });
      if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    }
    return person;
  }

  put(person: Person): Promise<void> {
    return this.changing(person.tenantId, person.objectId, () => this.inner.put(person));
  }

  noteSeen(tenantId: string, objectId: string, name: string, at: string): Promise<void> {
    return this.changing(tenantId, objectId, () => this.inner.noteSeen(tenantId, objectId, name, at));
  }

  setActingAs(tenantId: string, objectId: string, actingAs: { objectId: string; name: string } | undefined, at: string): Promise<void> {
    return this.changing(tenantId, objectId, () => this.inner.setActingAs(tenantId, objectId, actingAs, at));
  }

  remove(tenantId: string, objectId: string): Promise<boolean> {
    return this.changing(tenantId, objectId, () => this.inner.remove(tenantId, objectId));
  }

  list(): Promise<Person[]> {
    return this.inner.list();
  }

  private async changing<T>(tenantId: string, objectId: string, change: () => Promise<T>): Promise<T> {
    this.forget(tenantId, objectId);
    try {
      return await change();
    } finally {
      this.forget(tenantId, objectId);
    }
  }

  private forget(tenantId: string, objectId: string): void {
    this.generation++;
    this.entries.delete(keyOf(tenantId, objectId));
  }
}

function keyOf(tenantId: string, objectId: string): string {
  return `${tenantId}\u0000${objectId}`;
}

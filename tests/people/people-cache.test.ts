import assert from "node:assert/strict";
import { CachedPeopleStore, PEOPLE_CACHE_MAX_AGE_MS } from "../../src/people/cached-people-store";
import type { Person } from "../../src/people/person";
import type { PeopleStore } from "../../src/people/people-store";

/** A people store that counts its reads (the thing under test is the cache in front of it). */
class CountingStore implements PeopleStore {
  reads = 0;
  readonly rows = new Map<string, Person>();
  async get(tenantId: string, objectId: string) {
    this.reads++;
    return this.rows.get(`${tenantId}/${objectId}`);
  }
  async put(p: Person) {
    this.rows.set(`${p.tenantId}/${p.objectId}`, p);
  }
  async noteSeen(tenantId: string, objectId: string, name: string, at: string) {
    const known = this.rows.get(`${tenantId}/${objectId}`);
    this.rows.set(`${tenantId}/${objectId}`, { ...(known ?? person([])), tenantId, objectId, name, updatedAt: at });
  }
  async setActingAs(tenantId: string, objectId: string, actingAs: { objectId: string; name: string } | undefined) {
    const known = this.rows.get(`${tenantId}/${objectId}`);
    if (known) this.rows.set(`${tenantId}/${objectId}`, { ...known, actingAs });
  }
  async remove(tenantId: string, objectId: string) {
    return this.rows.delete(`${tenantId}/${objectId}`);
  }
  async list() {
    return [...this.rows.values()];
  }
}

const person = (roles: Person["roles"]): Person => ({
  tenantId: "t",
  objectId: "o",
  name: "Ann",
  jobTitle: "",
  borough: "E09000012",
  roles,
  updatedAt: "",
  updatedBy: "",
});

describe("the people cache (roles at most 60 s old)", () => {
  it("when a person is asked for again within the bound, then storage is read once; after it, again", async () => {
    let now = 0;
    const inner = new CountingStore();
    await inner.put(person(["staff"]));
    const cache = new CachedPeopleStore(inner, () => now);
    await cache.get("t", "o");
    now = PEOPLE_CACHE_MAX_AGE_MS - 1;
    assert.deepEqual((await cache.get("t", "o"))?.roles, ["staff"]);
    assert.equal(inner.reads, 1);
    now = PEOPLE_CACHE_MAX_AGE_MS;
    await cache.get("t", "o");
    assert.equal(inner.reads, 2, "never older than the bound");
    assert.equal(PEOPLE_CACHE_MAX_AGE_MS <= 60_000, true);
  });

  it("when a role changes in this instance, then the next read sees it at once", async () => {
    const inner = new CountingStore();
    const cache = new CachedPeopleStore(inner, () => 0);
    assert.equal(await cache.get("t", "o"), undefined);
    await cache.put(person(["staff", "coordinator"]));
    assert.deepEqual((await cache.get("t", "o"))?.roles, ["staff", "coordinator"]);
    await cache.setActingAs("t", "o", { objectId: "x", name: "Xena" }, "");
    assert.equal((await cache.get("t", "o"))?.actingAs?.objectId, "x");
    await cache.remove("t", "o");
    assert.equal(await cache.get("t", "o"), undefined);
    await cache.noteSeen("t", "o", "Ann Seen", "");
    assert.equal((await cache.get("t", "o"))?.name, "Ann Seen");
  });

  it("when a read is in flight while the role changes, then its old answer is not kept", async () => {
    const inner = new CountingStore();
    await inner.put(person(["staff"]));
    const cache = new CachedPeopleStore(inner, () => 0);
    const inFlight = cache.get("t", "o");
    await cache.put(person(["staff", "lead"]));
    await inFlight;
    assert.deepEqual((await cache.get("t", "o"))?.roles, ["staff", "lead"]);
  });
});

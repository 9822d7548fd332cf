import assert from "node:assert/strict";
import { compose, type AppContext } from "../../src/composition";
import { loadConfig } from "../../src/config/config";
import { isHubError } from "../../src/domain/errors";
import { silentLogger } from "../../src/logging/logger";
import { devConnectionString, type EmbeddedAzurite } from "../../src/storage/embedded-azurite";
import { storageFromConnectionString, type Storage } from "../../src/storage/open-storage";
import { freePort } from "../support/free-port";
import { startTestAzurite } from "../support/test-service";

/**
 * One contract every store keeps, run against real Azurite for each store the service composes (as
 * botbuilder-core runs one suite against every storage provider): what is written reads back, keys
 * built from hostile text round-trip, an empty table answers "nothing" rather than failing, and when
 * storage cannot be reached the caller gets a HubError a person can read, never the storage's text.
 */
interface StoreCase {
  /** Writes one record whose key parts hold `hostile` text, where the store takes such text. */
  write?(ctx: AppContext, hostile: string): Promise<void>;
  /** Reads it back: a short description of what was found, compared with `expected`. */
  readBack?(ctx: AppContext, hostile: string): Promise<unknown>;
  expected?(hostile: string): unknown;
  /** A read that an empty store answers with nothing; it must fail cleanly when storage is down. */
  emptyRead(ctx: AppContext): Promise<unknown>;
}

const TENANT = "11111111-1111-4111-8111-111111111111";
const AT = "2026-11-30T10:00:00.000Z";
const WEEK = "2026-W49";

/** The token the downloads case made, read back by its next step. */
let lastDownloadToken = "";

const STORES: Record<string, StoreCase> = {
  people: {
    write: (ctx, hostile) =>
      ctx.people.put({
        tenantId: TENANT,
        objectId: `p-${hostile}`,
        name: hostile,
        jobTitle: "",
        borough: "E09000012",
        roles: ["staff"],
        updatedAt: AT,
        updatedBy: "test",
      }),
    readBack: async (ctx, hostile) => (await ctx.people.get(TENANT, `p-${hostile}`))?.name,
    expected: (hostile) => hostile,
    emptyRead: (ctx) => ctx.people.get(TENANT, "nobody"),
  },
  channels: {
    write: (ctx, hostile) =>
      ctx.channels.remember(
        {
          conversationId: `19:${hostile}@thread.tacv2`,
          serviceUrl: "https://smba.trafficmanager.net/uk/",
          tenantId: TENANT,
          channelId: "msteams",
          conversationType: "channel",
          botId: "28:bot",
        },
        hostile,
        new Date(AT),
      ),
    readBack: async (ctx, hostile) => (await ctx.channels.get(TENANT, `19:${hostile}@thread.tacv2`))?.ref.conversationId,
    expected: (hostile) => `19:${hostile}@thread.tacv2`,
    emptyRead: (ctx) => ctx.channels.get(TENANT, "19:none@thread.tacv2"),
  },
  circulations: {
    write: (ctx, hostile) =>
      ctx.circulations.open({ id: "01JDZZZZZZZZZZZZZZZZZZZZZZ", deadline: "2026-12-14", openedAt: AT, openedBy: "c-1", openedByName: hostile }),
    readBack: async (ctx) => (await ctx.circulations.latest())?.openedByName,
    expected: (hostile) => hostile,
    emptyRead: (ctx) => ctx.circulations.latest(),
  },
  feed: {
    write: (ctx, hostile) =>
      ctx.feed.record({ key: `test.event:${hostile}`, kind: "proforma.submitted", at: AT, title: hostile } as Parameters<AppContext["feed"]["record"]>[0]),
    readBack: async (ctx, hostile) => (await ctx.feed.week(WEEK)).filter((e) => e.title === hostile).length,
    expected: () => 1,
    emptyRead: (ctx) => ctx.feed.week("2020-W01"),
  },
  audit: {
    write: (ctx, hostile) =>
      ctx.audit.record({
        key: `test:${hostile}`,
        at: AT,
        actorId: "a-1",
        actorName: hostile,
        action: "role.set",
        recordId: `r-${hostile}`,
        borough: "",
        outcome: "done",
        detail: hostile,
      }),
    readBack: async (ctx, hostile) => (await ctx.audit.forRecord(`r-${hostile}`)).map((e) => e.actorName),
    expected: (hostile) => [hostile],
    emptyRead: (ctx) => ctx.audit.forRecord("none"),
  },
  nominations: { emptyRead: (ctx) => ctx.nominations.find("01JDZZZZZZZZZZZZZZZZZZZZZZ") },
  leads: { emptyRead: async (ctx) => (await ctx.leads.roster("E09000012")).lead },
  meetings: { emptyRead: (ctx) => ctx.meetings.get("01JDZZZZZZZZZZZZZZZZZZZZZZ") },
  runs: { emptyRead: (ctx) => ctx.runs.content(`digest:${WEEK}`) },
  proformas: { emptyRead: (ctx) => ctx.proformas.read("E09000012", "01JDZZZZZZZZZZZZZZZZZZZZZZ") },
  measures: { emptyRead: async (ctx) => (await ctx.measures.latestHeadlines(5))[0] },
  ladders: { emptyRead: async (ctx) => (await ctx.ladders.latestLadders())[0] },
  charts: {
    write: async (ctx, hostile) => {
      chartId = await ctx.charts.save({
        title: hostile,
        source: hostile,
        period: "2024",
        rows: [{ label: hostile, ratio: 2, low: 1.5, high: 3, suppressed: false }],
      });
    },
    readBack: async (ctx) => (await ctx.charts.get(chartId))?.rows[0]?.label,
    expected: (hostile) => hostile,
    emptyRead: (ctx) => ctx.charts.get("0".repeat(32)),
  },
  approvals: {
    write: (ctx, hostile) => ctx.approvals.propose({ runId: `r-${hostile}`, dataVersion: hostile, proposedBy: "c-1", proposedByName: hostile, proposedAt: AT }),
    readBack: async (ctx, hostile) => (await ctx.approvals.get(`r-${hostile}`))?.approval.proposedByName,
    expected: (hostile) => hostile,
    emptyRead: (ctx) => ctx.approvals.approvedRunId(),
  },
  feedback: {
    write: (ctx, hostile) => ctx.feedback.record({ week: WEEK, kind: "useful", objectId: `o-${hostile}`, name: hostile, borough: "", at: AT }),
    readBack: async (ctx) => (await ctx.feedback.forWeek(WEEK)).map((f) => f.name),
    expected: (hostile) => [hostile],
    emptyRead: async (ctx) => (await ctx.feedback.forWeek("2020-W01"))[0],
  },
  downloads: {
    write: async (ctx, hostile) => {
      lastDownloadToken = (await ctx.downloads.create({ objectId: `p-${hostile}`, tenantId: TENANT }, new Date())).token;
    },
    readBack: async (ctx) => (await ctx.downloads.ownerOf(lastDownloadToken, new Date()))?.objectId,
    expected: (hostile) => `p-${hostile}`,
    emptyRead: (ctx) => ctx.downloads.ownerOf("A".repeat(43), new Date()),
  },
};
let chartId = "";

/** Text with every character Table keys forbid or that breaks a filter: / \ # ? control, quotes, emoji. */
const HOSTILE = "a/b\\c#d?e\u0001f'g\"h 😀 é";

function contextOn(storage: Storage): AppContext {
  const refuse = async () => {
    throw new Error("no messages in the storage contract");
  };
  return compose({
    config: loadConfig({ STORAGE: "memory" }),
    logger: silentLogger(),
    storage,
    messenger: { post: refuse, update: refuse },
    now: () => new Date(AT),
  }).app;
}

describe("storage contract: every store the service composes, against Azurite", function () {
  let azurite: EmbeddedAzurite;
  let storage: Storage;
  let down: Storage;
  let ctx: AppContext;
  let unreachable: AppContext;

  before(async function () {
    azurite = await startTestAzurite();
    storage = storageFromConnectionString(azurite.connectionString);
    await storage.ensureTables();
    ctx = contextOn(storage);
    // Nothing listens on this port: every request is refused, as when storage is down.
    down = storageFromConnectionString(devConnectionString(`http://127.0.0.1:${await freePort()}`));
    unreachable = contextOn(down);
  });

  after(async function () {
    await storage?.close();
    await azurite?.stop();
  });

  it("when the app context is composed, then every store it holds is covered by this contract", function () {
    const stores = Object.entries(ctx)
      .filter(([, value]) => value !== null && typeof value === "object" && !("description" in value) && !("post" in value) && !("level" in value))
      .map(([name]) => name)
      // The notifier sends through the messenger and the channel store, and the borough leaders are read
      // from the lead store: neither keeps anything of its own.
      .filter((name) => !["config", "logger", "notifier", "leaders"].includes(name));
    assert.deepEqual(stores.sort(), Object.keys(STORES).sort());
  });

  for (const [name, store] of Object.entries(STORES)) {
    describe(name, function () {
      it("when nothing was written, then a read answers nothing rather than failing", async function () {
        const found = await store.emptyRead(ctx);
        assert.ok(found === undefined || (Array.isArray(found) && found.length === 0), `${name} answered ${JSON.stringify(found)}`);
      });

      if (store.write && store.readBack && store.expected) {
        it("when a record's keys and text hold / \\ # ? control characters, quotes and emoji, then it is stored and reads back unchanged", async function () {
          await store.write!(ctx, HOSTILE);
          assert.deepEqual(await store.readBack!(ctx, HOSTILE), store.expected!(HOSTILE));
        });
      }

      it("when storage cannot be reached, then the caller gets a HubError a person can read, without the storage's own text", async function () {
        this.timeout(30_000);
        const error = await store.emptyRead(unreachable).then(
          () => undefined,
          (e: unknown) => e,
        );
        assert.ok(error, `${name} answered although storage is down`);
        assert.ok(isHubError(error), `${name} let through ${(error as Error)?.constructor?.name}: ${String((error as Error)?.message).slice(0, 120)}`);
        assert.doesNotMatch((error as Error).message, /ECONNREFUSED|RestError|127\.0\.0\.1|devstoreaccount1|<\?xml/);
      });
    });
  }
});

describe("activity feed: events are a typed union, parsed where they are read", function () {
  let azurite: EmbeddedAzurite;
  let storage: Storage;

  before(async function () {
    azurite = await startTestAzurite();
    storage = storageFromConnectionString(azurite.connectionString);
    await storage.ensureTables();
  });

  after(async function () {
    await storage?.close();
    await azurite?.stop();
  });

  it("when the week holds a row of a kind this version does not know, then it is left out and the known ones read with their facts", async function () {
    const ctx = contextOn(storage);
    await ctx.feed.record({
      key: "conversation.convened:m1",
      kind: "conversation.convened",
      at: AT,
      title: "Adolescent safeguarding",
      data: { startsAt: AT, theme: "Youth justice" },
    });
    await storage.tableClient("activity").createEntity({ partitionKey: WEEK, rowKey: "future.kind:x", kind: "future.kind", at: AT, data: "{}" });
    const events = await ctx.feed.week(WEEK);
    assert.deepEqual(
      events.map((e) => e.kind),
      ["conversation.convened"],
    );
    const [event] = events;
    assert.ok(event?.kind === "conversation.convened");
    assert.equal(event.data?.startsAt, AT);
  });
});

import assert from "node:assert/strict";
import sinon from "sinon";
// The module object itself (not an import namespace copy), whose export the service's stores read at call time.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const tables: typeof import("@azure/data-tables") = require("@azure/data-tables");
import { VERBS } from "../../../src/commands";
import { assertEntityFits, assertValidKey } from "../../../src/storage/table-limits";
import { isHubError } from "../../../src/domain/errors";
import { cardText, execute, say } from "../../support/teams-client";
import { checkCard } from "../../support/card-check";
import { defineSuite, leakIn } from "../support/reliability-case";
import { startHub, type HubFixture } from "../support/hub-fixture";
import { COORDINATOR, councilEnv, HACKNEY, staffOf } from "../support/people";
import { answerText, openForm, submit } from "../support/proforma-client";

const kim = staffOf(HACKNEY, 3, "Kim Hackney");

interface InputFixture {
  hub: HubFixture;
  /** Every value the service interpolated into an OData filter while the suite ran. */
  filterValues: unknown[];
  restore(): void;
}

/** Rows that stay: outbox rows leave for the feed on their own, at any moment. */
async function proformaCount(f: InputFixture): Promise<number> {
  return (await f.hub.rows("proformas")).filter((r) => !String(r.rowKey).startsWith("outbox:")).length;
}

/** A card payload as raw JSON, so "__proto__" and "constructor" arrive as own keys, the way JSON.parse makes them. */
function hostileData(verb: string): Record<string, unknown> {
  return JSON.parse(
    JSON.stringify({
      verb,
      title: "x".repeat(40_000),
      borough: ["E09000012' or PartitionKey ne '"],
      entryBorough: { $ne: "" },
      submissionId: "../../#?\u0000",
      proformaId: ["x' or ''"],
      etag: 123,
      step: "1e9",
      goto: -1,
    }).replace(/^\{/, '{"__proto__":{"polluted":"yes","isCoordinator":true},"constructor":{"prototype":{"polluted":"yes"}},'),
  );
}

export const inputSuite = defineSuite<InputFixture>({
  title: "hostile input: schemas per verb, limits, inert text, server-made keys, checked filters",
  async setup() {
    const filterValues: unknown[] = [];
    const real = tables.odata;
    const stub = sinon.stub(tables, "odata").get(() => (strings: TemplateStringsArray, ...values: unknown[]) => {
      filterValues.push(...values);
      return real(strings, ...values);
    });
    const hub = await startHub({ COORDINATORS: COORDINATOR.id, ...councilEnv() });
    return { hub, filterValues, restore: () => stub.restore() };
  },
  async teardown(f) {
    f.restore();
    await f.hub.stop();
  },
  cases: [
    {
      id: "I1/I9",
      title:
        "when a forged submit carries 40,000 characters and 5,000 emoji (past the card's maxLength), then the fields and limits are named and nothing is stored",
      expected: "card names Title and Summary limits; nothing stored",
      async run(f) {
        const before = await proformaCount(f);
        const id = await openForm(f.hub.service.url, kim);
        const answer = await submit(f.hub.service.url, kim, id, HACKNEY, { title: "x".repeat(40_000), summary: "😀".repeat(5_000) });
        const text = answerText(answer);
        assert.match(text, /Title is too long: at most 120 characters/);
        assert.match(text, /Summary is too long: at most [\d,]+ characters, this has 10,000/);
        assert.equal(await proformaCount(f), before);
        assert.ok(checkCard(answer.body.value).bytes < 28 * 1024, "the error card still fits");
        return "Title and Summary limits named (emoji counted as 2 UTF-16 units); nothing stored";
      },
    },
    {
      id: "I2",
      title: "when an entity would pass 1 MiB or a key holds / \\ # ? or control characters, then the pre-write check refuses it",
      expected: "too-large and invalid-key refusals before any write",
      async run() {
        const big: Record<string, unknown> = { partitionKey: HACKNEY, rowKey: "01KB0000000000000000000000" };
        for (let i = 0; i < 20; i++) big[`f${i}`] = "y".repeat(30_000);
        assert.throws(
          () => assertEntityFits(big),
          (e: unknown) => isHubError(e, "too-large"),
        );
        for (const key of ["a/b", "a\\b", "a#b", "a?b", "a\u0000b", "a\u007fb", "", "k".repeat(1025)]) {
          assert.throws(
            () => assertValidKey(key, "RowKey"),
            (e: unknown) => isHubError(e),
          );
        }
        return "1.2 MB entity refused; 8 bad keys refused";
      },
    },
    {
      id: "I3",
      title: "when a title holds markdown, a link, a mention, a date function and a template, then every card shows it inert",
      expected: "no live link, ${ or {{DATE in the confirmation, my proformas and audit cards",
      async run(f) {
        const hostile = "[Click](https://phish.example) **b** {{DATE(2017-02-14T06:08:39Z,SHORT)}} ${title} <at>Bob</at>";
        const id = await openForm(f.hub.service.url, kim);
        const answer = await submit(f.hub.service.url, kim, id, HACKNEY, { title: hostile.slice(0, 120) });
        assert.match(answerText(answer), /your proforma is saved/);
        const [mine] = await say(f.hub.service.url, kim, "my proformas");
        const [audit] = await say(f.hub.service.url, COORDINATOR, `audit ${id}`);
        for (const card of [answer.body.value, mine, audit]) {
          const json = JSON.stringify(card);
          assert.ok(!json.includes("${"), "no template expression");
          assert.ok(!json.includes("{{DATE"), "no date function");
          assert.ok(!json.includes("https://phish"), "no live link");
          assert.ok(!/<at>/i.test(json), "no mention");
          assert.match(cardText(card), /Click/);
          assert.deepEqual(checkCard(card).errors, []);
        }
        return "inert in 3 cards (confirmation, my proformas, audit)";
      },
    },
    {
      id: "I4/I5/I6",
      title:
        "when every card verb gets forged data (arrays and objects for strings, bad key characters, __proto__, constructor), then each answers a card, never 5xx, and nothing is polluted",
      expected: `${Object.keys(VERBS).length} verbs: a card each, no 5xx, no leak, no prototype pollution`,
      async run(f) {
        const before = await proformaCount(f);
        const statuses: number[] = [];
        for (const verb of Object.keys(VERBS)) {
          const answer = await execute(f.hub.service.url, kim, verb, hostileData(verb));
          statuses.push(answer.status);
          assert.ok(answer.status < 500, `${verb}: ${answer.status}`);
          assert.equal(answer.body?.type, "application/vnd.microsoft.card.adaptive", `${verb} answers a card`);
          assert.equal(leakIn(answer.body), undefined, `${verb} leaks ${leakIn(answer.body)}`);
        }
        assert.equal(({} as Record<string, unknown>).polluted, undefined);
        assert.equal((Object.prototype as Record<string, unknown>).isCoordinator, undefined);
        assert.equal(await proformaCount(f), before, "forged data stored nothing");
        return `${statuses.length} verbs: all ${[...new Set(statuses)].join("/")} with a card; nothing stored or polluted`;
      },
    },
    {
      id: "I6b",
      title: "when a good submit carries unknown fields, then they are dropped and never stored",
      expected: "stored entity has only the proforma's own fields",
      async run(f) {
        const id = await openForm(f.hub.service.url, kim);
        await submit(f.hub.service.url, kim, id, HACKNEY, {
          isAdmin: true,
          authorId: "someone-else",
          status: "published",
          roles: "coordinator",
          partitionKey: "E09000025",
        });
        const row = await f.hub.table("proformas").getEntity<Record<string, unknown>>(HACKNEY, id);
        assert.equal(row.isAdmin, undefined);
        assert.equal(row.roles, undefined);
        assert.equal(row.authorId, kim.id);
        assert.equal(row.status, "submitted");
        return "isAdmin, roles dropped; authorId, status and partition are the server's";
      },
    },
    {
      id: "I5b",
      title: "when the service builds Table filters, then every value it interpolates is a checked string (an array would be injected raw)",
      expected: "all filter values are strings valid as keys; the raw-array hazard is real",
      async run(f) {
        assert.ok(f.filterValues.length > 0, "filters were built during the suite");
        // eslint-disable-next-line no-control-regex -- looking for control characters in filter values
        const unchecked = f.filterValues.filter((v) => typeof v !== "string" || /[\u0000-\u001f]/.test(v));
        assert.deepEqual(unchecked, []);
        const seen = f.filterValues.length;
        assert.equal(
          tables.odata`PartitionKey eq ${["x' or PartitionKey ne '"] as unknown as string}`,
          "PartitionKey eq x' or PartitionKey ne '",
          "the helper passes arrays through raw",
        );
        assert.equal(f.filterValues.length, seen + 1, "the check sees every filter built");
        return `${seen} interpolated values, all strings; an array would go in raw`;
      },
    },
  ],
});

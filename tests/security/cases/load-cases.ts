import assert from "node:assert/strict";
import { BOROUGHS } from "../../../src/domain/boroughs";
import { defineSuite } from "../support/reliability-case";
import { startHub, type HubFixture } from "../support/hub-fixture";
import { councilEnv, staffOf } from "../support/people";
import { answerText, openForm, submit } from "../support/proforma-client";

/** How many submissions the load case sends at once. */
export const LOAD_SUBMISSIONS = 200;

interface LoadFixture {
  hub: HubFixture;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export const loadSuite = defineSuite<LoadFixture>({
  title: "load: concurrent submissions across the eight boroughs over HTTP",
  async setup() {
    return { hub: await startHub(councilEnv()) };
  },
  async teardown(f) {
    await f.hub.stop();
  },
  cases: [
    {
      id: "L1",
      title: `when ${LOAD_SUBMISSIONS} people in the eight boroughs submit at once, then every one is stored exactly once and none gets a 5xx`,
      expected: `${LOAD_SUBMISSIONS} stored once each, ${LOAD_SUBMISSIONS / 8} per borough; no 5xx`,
      async run(f) {
        const people = Array.from({ length: LOAD_SUBMISSIONS }, (_, i) => ({
          user: staffOf(BOROUGHS[i % 8]!.code, 100 + i),
          borough: BOROUGHS[i % 8]!.code,
          n: i,
        }));
        const ids = await Promise.all(people.map((p) => openForm(f.hub.service.url, p.user)));
        const started = Date.now();
        const results = await Promise.all(
          people.map(async (p, i) => {
            const t0 = Date.now();
            const answer = await submit(f.hub.service.url, p.user, ids[i]!, p.borough, { title: `Load ${p.n}` });
            return { status: answer.status, saved: /your proforma is saved/.test(answerText(answer)), ms: Date.now() - t0 };
          }),
        );
        const wall = Date.now() - started;
        const fiveHundreds = results.filter((r) => r.status >= 500).length;
        assert.equal(fiveHundreds, 0);
        assert.equal(results.filter((r) => r.saved).length, LOAD_SUBMISSIONS);
        // Records only: their rows (versions, author lines) share the partition under other key prefixes.
        const rows = (await f.hub.rows("proformas")).filter((r) => String(r.title).startsWith("Load ") && String(r.rowKey) < "a");
        assert.equal(rows.length, LOAD_SUBMISSIONS);
        assert.equal(new Set(rows.map((r) => r.rowKey)).size, LOAD_SUBMISSIONS);
        for (const b of BOROUGHS) assert.equal(rows.filter((r) => r.partitionKey === b.code).length, LOAD_SUBMISSIONS / 8, b.name);
        const ms = results.map((r) => r.ms).sort((a, b) => a - b);
        return `${rows.length} stored once, ${LOAD_SUBMISSIONS / 8} per borough; 0 5xx; wall ${wall} ms; p50 ${percentile(ms, 50)} ms, p95 ${percentile(ms, 95)} ms, max ${ms[ms.length - 1]} ms`;
      },
    },
    {
      id: "L3",
      title: "when one submission is retried 20 times at once, then one record",
      expected: "1 row; 1 saved and 19 already received",
      async run(f) {
        const user = staffOf(BOROUGHS[2]!.code, 999);
        const id = await openForm(f.hub.service.url, user);
        const answers = await Promise.all(
          Array.from({ length: 20 }, () => submit(f.hub.service.url, user, id, BOROUGHS[2]!.code, { title: "Retried twenty times" })),
        );
        const saved = answers.filter((a) => /your proforma is saved/.test(answerText(a))).length;
        const again = answers.filter((a) => /Already received/.test(answerText(a))).length;
        assert.equal((await f.hub.rows("proformas")).filter((r) => r.rowKey === id).length, 1);
        assert.equal(saved, 1);
        assert.equal(again, 19);
        return `1 row; ${saved} saved, ${again} already received`;
      },
    },
  ],
});

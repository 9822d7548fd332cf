import assert from "node:assert/strict";
import { BOROUGHS } from "../../../src/domain/boroughs";
import { newId } from "../../../src/domain/ids";
import { activity } from "../../support/teams-client";
import { defineSuite, leakIn } from "../support/reliability-case";
import { startHub, type HubFixture } from "../support/hub-fixture";
import { FaultInjector } from "../support/fault-injector";
import { councilEnv, proformaInputs, staffOf } from "../support/people";
import { answerText, openForm, submit } from "../support/proforma-client";

/** How many submissions the load case sends at once. */
export const LOAD_SUBMISSIONS = 200;
/**
 * The burst case: more submissions at once than a service runs and queues. The service runs with a
 * small gate (4 turns in flight, 8 waiting) and slow storage so the case stays quick and certain; `npm run bench` measures 1,000
 * at once against the real limits.
 */
export const BURST_SUBMISSIONS = 60;
const BURST_GATE = { maxInFlight: 4, maxWaiting: 8 };

interface LoadFixture {
  hub: HubFixture;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Sends the burst at once and checks every answer: saved (and stored once) or busy. */
async function burst(hub: HubFixture): Promise<string> {
  // Records only: their rows (versions, author lines) share the partition under other key prefixes.
  const records = async () => (await hub.rows("proformas")).filter((r) => String(r.rowKey) < "a");
  const before = (await records()).length;
  const answers = await Promise.all(
    Array.from({ length: BURST_SUBMISSIONS }, async (_, i) => {
      const borough = BOROUGHS[i % 8]!.code;
      const res = await fetch(`${hub.service.url}/api/messages`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(
          activity(staffOf(borough, 2000 + i), {
            type: "invoke",
            name: "adaptiveCard/action",
            value: {
              action: {
                type: "Action.Execute",
                verb: "proforma.submit",
                data: { verb: "proforma.submit", submissionId: newId(), ...proformaInputs(borough, { title: `Burst ${i}` }) },
              },
            },
          }),
        ),
      });
      const text = await res.text();
      return { status: res.status, retryAfter: res.headers.get("retry-after"), text };
    }),
  );
  const busy = answers.filter((a) => a.status === 503);
  const saved = answers.filter((a) => a.status === 200 && /your proforma is saved/.test(a.text));
  assert.ok(busy.length > 0, "no request was turned away: the turns in flight are not bounded");
  for (const b of busy) {
    assert.equal(b.retryAfter, "2");
    assert.equal(JSON.parse(b.text).code, "busy");
    assert.equal(leakIn(b.text), undefined);
  }
  assert.equal(saved.length + busy.length, BURST_SUBMISSIONS, "every answer is either saved or busy");
  const stored = (await records()).filter((r) => String(r.title).startsWith("Burst "));
  assert.equal(stored.length, saved.length, "each saved submission is stored once, and no busy one is");
  assert.equal((await records()).length, before + saved.length);
  return `${saved.length} saved and stored once; ${busy.length} answered 503 busy (Retry-After 2); no other 5xx`;
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
            const text = answerText(answer) || JSON.stringify(answer.body ?? "");
            return { status: answer.status, saved: /your proforma is saved/.test(text), text, ms: Date.now() - t0 };
          }),
        );
        const wall = Date.now() - started;
        const fiveHundreds = results.filter((r) => r.status >= 500).length;
        assert.equal(fiveHundreds, 0);
        const unsaved = results.filter((r) => !r.saved);
        assert.equal(unsaved.length, 0, `not saved: ${unsaved.map((r) => `${r.status} ${r.text.slice(0, 120)}`).join(" | ")}`);
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
      id: "L4",
      title: `when ${BURST_SUBMISSIONS} submissions arrive at once, then the turns in flight are bounded: the excess is answered 503 with Retry-After and a plain message, the rest are stored once`,
      expected: "some 503 busy with Retry-After; every other answer a saved card; stored once each; no other 5xx",
      async run() {
        const hub = await startHub(councilEnv(), { service: { schedule: false, turnLimits: BURST_GATE } });
        // Every proforma write is held 2 s, so the turns let in stay in flight while the burst arrives.
        const faults = new FaultInjector(hub.service.storage);
        faults.decide = (r) => (r.table === "proformas" && r.write ? "slow" : "pass");
        try {
          return await burst(hub);
        } finally {
          faults.remove();
          await hub.stop();
        }
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

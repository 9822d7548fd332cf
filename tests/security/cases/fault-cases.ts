import assert from "node:assert/strict";
import { activity, cardText, post, say } from "../../support/teams-client";
import { defineSuite, leakIn } from "../support/reliability-case";
import { faultyHubLifecycle, type FaultyHub } from "../support/hub-fixture";
import { startTestAzurite } from "../../support/test-service";
import { NEWHAM, proformaInputs, staffOf } from "../support/people";
import { answerText, openForm, submit } from "../support/proforma-client";
import { isoWeek } from "../../../src/domain/iso-week";

const sam = staffOf(NEWHAM, 7, "Sam Newham");
/** The proformas F10 broke at each write, for F10b to check their feed rows. */
const crashIds: string[] = [];

type FaultFixture = FaultyHub;

async function rowsWithId(f: FaultFixture, id: string): Promise<number> {
  return (await f.hub.rows("proformas")).filter((r) => r.rowKey === id).length;
}

async function health(url: string): Promise<{ status: number; body: any }> {
  const res = await fetch(`${url}/api/health`);
  return { status: res.status, body: await res.json() };
}

async function listedInMine(f: FaultFixture, title: string): Promise<number> {
  const [mine] = await say(f.hub.service.url, sam, "my proformas");
  return cardText(mine).split(title).length - 1;
}

export const faultSuite = defineSuite<FaultFixture>({
  title: "faults: lost answers, busy storage, redelivery, a crash between steps, storage down and back",
  ...faultyHubLifecycle,
  cases: [
    {
      id: "F2",
      title: "when the first write succeeds but its answer is lost (the retry sees 409), then it counts as stored, once",
      expected: "confirmation card; 1 row",
      async run(f) {
        const id = await openForm(f.hub.service.url, sam);
        let lost = false;
        f.faults.decide = (r) => (!lost && r.table === "$batch" && r.method === "POST" ? ((lost = true), "lose-answer") : "pass");
        const answer = await submit(f.hub.service.url, sam, id, NEWHAM, { title: "Lost answer" });
        f.faults.decide = () => "pass";
        assert.ok(lost, "the fault was injected");
        assert.match(answerText(answer), /your proforma is saved|Already received/);
        assert.equal(await rowsWithId(f, id), 1);
        return `"${/saved/.test(answerText(answer)) ? "saved" : "already received"}" card; 1 row`;
      },
    },
    {
      id: "F3",
      title: "when storage answers 503 Server Busy twice, then the submit still succeeds once",
      expected: "confirmation card; 1 row",
      async run(f) {
        const id = await openForm(f.hub.service.url, sam);
        let busy = 0;
        f.faults.decide = (r) => (busy < 2 && r.table === "$batch" && r.method === "POST" ? (busy++, "server-busy") : "pass");
        const answer = await submit(f.hub.service.url, sam, id, NEWHAM, { title: "Busy storage" });
        f.faults.decide = () => "pass";
        assert.equal(busy, 2);
        assert.match(answerText(answer), /your proforma is saved/);
        assert.equal(await rowsWithId(f, id), 1);
        return "confirmation after 2 busy answers; 1 row";
      },
    },
    {
      id: "F5/F6",
      title: "when Teams delivers the same submit twice, with a new activity id, and 5 times at once (double click), then one record",
      expected: "1 row; 1 listing in my proformas",
      async run(f) {
        const id = await openForm(f.hub.service.url, sam);
        const body = activity(sam, {
          type: "invoke",
          name: "adaptiveCard/action",
          value: {
            action: {
              type: "Action.Execute",
              verb: "proforma.submit",
              data: { verb: "proforma.submit", submissionId: id, ...proformaInputs(NEWHAM, { title: "Delivered twice" }) },
            },
          },
        });
        const first = await post(f.hub.service.url, body);
        const same = await post(f.hub.service.url, body);
        const newId = await post(f.hub.service.url, { ...body, id: "another-activity-id" });
        const burst = await Promise.all(Array.from({ length: 5 }, () => post(f.hub.service.url, { ...body, id: `click-${Math.random()}` })));
        for (const a of [first, same, newId, ...burst]) assert.equal(a.status, 200);
        assert.match(cardText(first.body.value), /your proforma is saved/);
        assert.match(cardText(same.body.value), /Already received/);
        assert.equal(await rowsWithId(f, id), 1);
        assert.equal(await listedInMine(f, "Delivered twice"), 1);
        return "8 deliveries: 1 row, listed once, repeats say already received";
      },
    },
    {
      id: "F10",
      title: "when storage fails at each write of a submit in turn (a crash between steps), then a retry completes it: one record, listed once",
      expected: 'each step: "not saved" card, retry stores; 1 row, listed once',
      async run(f) {
        // Count the writes a clean submit makes, then fail each one in turn.
        const probe = await openForm(f.hub.service.url, sam);
        const start = f.faults.writes().length;
        await submit(f.hub.service.url, sam, probe, NEWHAM, { title: "Probe" });
        // The feed row moves from the outbox right after the answer: count those writes too.
        for (let i = 0; i < 100 && (await f.hub.rows("proformas")).some((r) => String(r.rowKey).startsWith("outbox:")); i++)
          await new Promise((r) => setTimeout(r, 50));
        const writes = f.faults.writes().length - start;
        assert.ok(writes >= 2, `a submit makes ${writes} writes`);
        const outcomes: string[] = [];
        crashIds.length = 0;
        for (let k = 0; k < writes; k++) {
          const title = `Crash at write ${k + 1}`;
          const id = await openForm(f.hub.service.url, sam);
          // Fail the (k+1)th write and the SDK's retries of it, so that attempt gives up; then pass everything.
          let count = 0;
          let failures = 0;
          f.faults.decide = (r) => {
            if (!r.write) return "pass";
            count++;
            if (count >= k + 1 && failures < 3) {
              failures++;
              return "fail-before";
            }
            return "pass";
          };
          const broken = await submit(f.hub.service.url, sam, id, NEWHAM, { title });
          f.faults.decide = () => "pass";
          assert.equal(leakIn(broken.body), undefined);
          // Either the person is told nothing was saved (and retries), or the save stood and says so.
          const told = /Not saved: please try again|nothing was saved/.test(answerText(broken));
          if (told) outcomes.push(`write ${k + 1}: "not saved", retried`);
          else {
            assert.match(answerText(broken), /your proforma is saved/, `write ${k + 1}: ${answerText(broken)}`);
            outcomes.push(`write ${k + 1}: saved (that write is best effort)`);
          }
          const retry = await submit(f.hub.service.url, sam, id, NEWHAM, { title });
          assert.match(answerText(retry), /your proforma is saved|Already received/, `retry after write ${k + 1}: ${answerText(retry)}`);
          assert.equal(await rowsWithId(f, id), 1);
          assert.equal(await listedInMine(f, title), 1, `listed once after a crash at write ${k + 1}`);
          crashIds.push(id);
        }
        return `${writes} writes per submit; a failure at each, then a retry: 1 row, listed once (${outcomes.join("; ")})`;
      },
    },
    {
      id: "F10b",
      title: "when any write of a submit failed and it was retried, then the week's activity feed holds its row once (the digest reads it)",
      expected: "1 feed row for each proforma broken in F10",
      async run(f) {
        assert.ok(crashIds.length > 0, "F10 ran first");
        // Read as the digest reads it: what is still in the proforma outbox is moved first.
        const feed = await f.hub.service.app.feed.week(isoWeek(new Date()));
        const counts = crashIds.map((id) => feed.filter((r) => r.subjectId === id).length);
        assert.deepEqual(
          counts,
          crashIds.map(() => 1),
          `feed rows per broken proforma: ${counts.join(", ")}`,
        );
        return `feed rows per broken proforma: ${counts.join(", ")}`;
      },
    },
    {
      id: "F1",
      title: "when storage is stopped, then health says down and a submit says not saved within 10 s; when it returns, the same card saves",
      expected: '503 down; "not saved" card < 10 s, no storage text; then 200 ok and stored once',
      async run(f) {
        const id = await openForm(f.hub.service.url, sam);
        const port = Number(new URL(f.hub.azurite.url).port);
        await f.hub.azurite.stop();
        const down = await health(f.hub.service.url);
        assert.equal(down.status, 503);
        assert.equal(down.body.storage, "down");
        const started = Date.now();
        const refused = await submit(f.hub.service.url, sam, id, NEWHAM, { title: "Storage down" });
        const ms = Date.now() - started;
        assert.ok(ms < 10_000, `answered in ${ms} ms`);
        assert.match(answerText(refused), /Not saved: please try again[\s\S]*nothing was saved/);
        assert.equal(leakIn(refused.body), undefined);
        f.hub.azurite = await startTestAzurite(port);
        const up = await health(f.hub.service.url);
        assert.equal(up.status, 200);
        const saved = await submit(f.hub.service.url, sam, id, NEWHAM, { title: "Storage down" });
        assert.match(answerText(saved), /your proforma is saved/);
        assert.equal(await rowsWithId(f, id), 1);
        return `503 down; "not saved" in ${ms} ms; recovered: 200 ok, stored once`;
      },
    },
  ],
});

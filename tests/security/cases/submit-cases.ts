import assert from "node:assert/strict";
import { isoWeek } from "../../../src/domain/iso-week";
import { cardText, execute, say } from "../../support/teams-client";
import { defineSuite, leakIn } from "../support/reliability-case";
import { faultyHubLifecycle, type FaultyHub } from "../support/hub-fixture";
import { COORDINATOR, LIIA_TENANT, NEWHAM, proformaInputs, staffOf } from "../support/people";
import { answerText, openForm, submit, submitNew } from "../support/proforma-client";

const nia = staffOf(NEWHAM, 11, "Nia Newham");
const ned = staffOf(NEWHAM, 12, "Ned Newham");
/** Staff in an allowed tenant that no borough is known for (LIIA's own), with no role given. */
const nobody = { id: "40000000-0000-4000-8000-00000000d0b0", name: "Noa Borough", tenantId: LIIA_TENANT };

type SubmitFixture = FaultyHub;

/** Every stored row that belongs to a proforma, in any table, as "table/rowKey action actorName". */
async function rowsOf(f: SubmitFixture, id: string): Promise<string[]> {
  const out: string[] = [];
  for (const table of ["proformas", "proformaversions", "authored", "activity"] as const) {
    for (const r of await f.hub.rows(table)) {
      const keys = `${String(r.partitionKey)}/${String(r.rowKey)}`;
      if (keys.includes(id) || r.subjectId === id || r.proformaId === id)
        out.push(`${table}:${String(r.rowKey)} ${String(r.action ?? r.kind ?? "")} ${String(r.actorName ?? "")}`);
    }
  }
  return out.sort();
}

async function versionRows(f: SubmitFixture, id: string): Promise<Record<string, unknown>[]> {
  return (await f.hub.rows("proformas")).filter((r) => String(r.rowKey).startsWith(`version:${id}:`));
}

async function feedRows(f: SubmitFixture, id: string): Promise<string[]> {
  // Through the feed, as the digest reads it: what the outbox still holds is moved first.
  const events = await f.hub.service.app.feed.week(isoWeek(new Date()));
  return events.filter((e) => e.subjectId === id).map((e) => e.kind);
}

/** Waits until `check` holds (the feed row moves right after the answer, off the turn's path). */
async function eventually(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.fail(`never: ${what}`);
}

export const submitSuite = defineSuite<SubmitFixture>({
  title: "submits: rights on every stored record, history written once, all-or-nothing saves (real service, real Azurite)",
  ...faultyHubLifecycle,
  cases: [
    {
      id: "P1",
      title: "when a card without entryBorough names someone else's draft, then nothing of it is shown and nothing is written as the caller",
      expected: "refusal naming no title; draft's rows unchanged; no row names Ned",
      async run(f) {
        const id = await openForm(f.hub.service.url, nia);
        const draft = await execute(f.hub.service.url, nia, "proforma.draft", {
          submissionId: id,
          step: 0,
          ...proformaInputs(NEWHAM, { title: "Nia's private draft", summary: "Not for Ned's eyes." }),
        });
        assert.match(answerText(draft), /Draft saved/);
        const before = await rowsOf(f, id);
        const observed: string[] = [];
        for (const verb of ["proforma.step", "proforma.draft", "proforma.submit", "proforma.save"]) {
          const answer = await execute(f.hub.service.url, ned, verb, {
            submissionId: id,
            step: 0,
            borough: NEWHAM,
            ...(verb === "proforma.step" ? {} : proformaInputs(NEWHAM)),
          });
          const text = answerText(answer);
          assert.equal(answer.status, 200);
          assert.doesNotMatch(text, /private draft|Ned's eyes/, `${verb} showed the draft: ${text}`);
          assert.match(text, /Not allowed[\s\S]*cannot change/, `${verb}: ${text}`);
          observed.push(verb.slice("proforma.".length));
        }
        assert.deepEqual(await rowsOf(f, id), before, "no row was added or rewritten");
        assert.ok(!(await rowsOf(f, id)).some((r) => r.includes("Ned")));
        return `${observed.join(", ")}: refused, no title shown; rows unchanged`;
      },
    },
    {
      id: "P1b",
      title: 'when a card without entryBorough names a published entry, then its history and feed are unchanged (no "submitted by" the caller)',
      expected: "refused; version rows byte-identical; one submitted and one published feed row",
      async run(f) {
        const id = await submitNew(f.hub.service.url, nia, NEWHAM, { title: "Published mentoring" });
        const [queue] = await say(f.hub.service.url, COORDINATOR, "review proformas");
        assert.match(cardText(queue), /Published mentoring/);
        const stored = await f.hub.service.app.proformas.read(NEWHAM, id);
        const published = await execute(f.hub.service.url, COORDINATOR, "proforma.publish", { submissionId: id, entryBorough: NEWHAM, etag: stored!.etag });
        assert.match(answerText(published), /Published/);
        const versions = JSON.stringify(await versionRows(f, id));
        const answer = await submit(f.hub.service.url, ned, id, NEWHAM, { title: "Rewritten by Ned" });
        assert.match(answerText(answer), /Not allowed/);
        assert.equal(JSON.stringify(await versionRows(f, id)), versions, "version rows unchanged");
        assert.deepEqual((await feedRows(f, id)).sort(), ["proforma.published", "proforma.submitted"]);
        const row = await f.hub.table("proformas").getEntity<Record<string, unknown>>(NEWHAM, id);
        assert.equal(row.title, "Published mentoring");
        return "refused; versions unchanged; feed: submitted once, published once";
      },
    },
    {
      id: "P2",
      title: "when the original Submit is pressed again after an edit, then nothing changes and the person is told so",
      expected: '"Already received ... changed nothing"; version 2 stays "edited"; 1 submitted + 1 edited feed row',
      async run(f) {
        const id = await openForm(f.hub.service.url, nia);
        const first = await submit(f.hub.service.url, nia, id, NEWHAM, { title: "Replayed entry" });
        assert.match(answerText(first), /your proforma is saved/);
        const stored = await f.hub.service.app.proformas.read(NEWHAM, id);
        const edit = await execute(f.hub.service.url, nia, "proforma.save", {
          ...proformaInputs(NEWHAM, { title: "Replayed entry, edited" }),
          submissionId: id,
          entryBorough: NEWHAM,
          etag: stored!.etag,
          step: 0,
        });
        assert.match(answerText(edit), /Changes saved/);
        const versions = JSON.stringify(await versionRows(f, id));
        const replays = await Promise.all([1, 2, 3].map(() => submit(f.hub.service.url, nia, id, NEWHAM, { title: "Replayed entry" })));
        for (const replay of replays) assert.match(answerText(replay), /Already received[\s\S]*changed nothing/);
        assert.equal(JSON.stringify(await versionRows(f, id)), versions, "version rows written once, never replaced");
        const actions = (await f.hub.service.app.proformas.versions(id, NEWHAM)).map((v) => `${v.version}:${v.action}`);
        assert.deepEqual(actions, ["1:submitted", "2:edited"]);
        assert.deepEqual((await feedRows(f, id)).sort(), ["proforma.edited", "proforma.submitted"]);
        const row = await f.hub.table("proformas").getEntity<Record<string, unknown>>(NEWHAM, id);
        assert.equal(row.title, "Replayed entry, edited");
        return '3 replays: "already received, changed nothing"; versions 1 submitted, 2 edited; 2 feed rows';
      },
    },
    {
      id: "P3",
      title:
        "when the one write of a submit fails, then nothing of it is stored anywhere; when it lands but its answer is lost, the person is told it is saved, once",
      expected: "1 write per submit; failed: 0 rows; lost answer: told saved, 1 record, 1 version, listed once",
      async run(f) {
        const probe = await openForm(f.hub.service.url, nia);
        // Earlier cases' feed rows leave the outbox on their own a moment after their saves: let them go first.
        for (let i = 0; i < 50 && (await f.hub.rows("proformas")).some((r) => String(r.rowKey).startsWith("outbox:")); i++)
          await new Promise((r) => setTimeout(r, 100));
        const start = f.faults.writes().length;
        await submit(f.hub.service.url, nia, probe, NEWHAM, { title: "Probe submit" });
        // The feed row leaves the outbox on its own a moment later, in up to two more transactions (the
        // week's feed rows, then the outbox cleared), which may start before the answer arrives.
        const batches = f.faults
          .writes()
          .slice(start)
          .filter((w) => w.table === "$batch").length;
        assert.ok(batches >= 1 && batches <= 3, `the record and its rows go in one transaction (saw ${batches}, with the feed move's)`);

        const failed = await openForm(f.hub.service.url, nia);
        f.faults.decide = (r) => (r.write && r.table === "$batch" ? "fail-before" : "pass");
        const refused = await submit(f.hub.service.url, nia, failed, NEWHAM, { title: "Never half saved" });
        f.faults.decide = () => "pass";
        assert.match(answerText(refused), /Not saved: please try again/);
        assert.equal(leakIn(refused.body), undefined);
        assert.deepEqual(await rowsOf(f, failed), [], "no record, version, index, response or feed row");

        const lost = await openForm(f.hub.service.url, nia);
        let once = false;
        f.faults.decide = (r) => (!once && r.write && r.table === "$batch" ? ((once = true), "lose-answer") : "pass");
        const answer = await submit(f.hub.service.url, nia, lost, NEWHAM, { title: "Answer lost once" });
        f.faults.decide = () => "pass";
        assert.ok(once, "the fault was injected");
        assert.match(answerText(answer), /Already received|your proforma is saved/, answerText(answer));
        const again = await submit(f.hub.service.url, nia, lost, NEWHAM, { title: "Answer lost once" });
        assert.match(answerText(again), /Already received/);
        assert.equal((await f.hub.rows("proformas")).filter((r) => r.rowKey === lost).length, 1);
        assert.equal((await versionRows(f, lost)).length, 1);
        const [mine] = await say(f.hub.service.url, nia, "my proformas");
        assert.equal(cardText(mine).split("Answer lost once").length - 1, 1, "listed once");
        return "1 write per submit; failed: nothing stored; lost answer: saved once, listed once";
      },
    },
    {
      id: "P3b",
      title: "when the feed row cannot be moved after a submit (as if the process stopped), then the outbox keeps it and the digest's read delivers it once",
      expected: "outbox row kept; feed read: 1 submitted row; outbox empty after",
      async run(f) {
        const id = await openForm(f.hub.service.url, nia);
        const answer = await submit(f.hub.service.url, nia, id, NEWHAM, { title: "Outbox kept" });
        assert.match(answerText(answer), /your proforma is saved/);
        // The save is stored; the move follows within a moment, as transactions of its own: refuse them.
        let attempts = 0;
        f.faults.decide = (r) => (r.write && (r.table === "$batch" || r.table === "activity") ? (attempts++, "refused") : "pass");
        await eventually(async () => attempts > 0, "the move was tried");
        f.faults.decide = () => "pass";
        const outbox = async () => (await f.hub.rows("proformas")).filter((r) => String(r.rowKey).startsWith("outbox:") && r.subjectId === id).length;
        assert.equal(await outbox(), 1, "the row waits in the outbox");
        assert.equal((await f.hub.rows("activity")).filter((r) => r.subjectId === id).length, 0);
        assert.deepEqual(await feedRows(f, id), ["proforma.submitted"]);
        assert.deepEqual(await feedRows(f, id), ["proforma.submitted"], "read twice, still once");
        assert.equal(await outbox(), 0);
        return "kept in the outbox; the feed read moved it: 1 row; outbox empty";
      },
    },
    {
      id: "P12",
      title: "when a person with no borough opens or forges a proforma, then they are told to ask a coordinator for one and nothing is stored",
      expected: "both refused naming a coordinator and TENANT_BOROUGHS; no row",
      async run(f) {
        const [card] = await say(f.hub.service.url, nobody, "proforma");
        assert.match(cardText(card), /does not know your borough[\s\S]*coordinator[\s\S]*TENANT_BOROUGHS/);
        const id = "01JZZZZZZZZZZZZZZZZZZZZZZZ";
        const forged = await submit(f.hub.service.url, nobody, id, NEWHAM, { title: "Filed for anyone" });
        assert.match(answerText(forged), /does not know your borough/);
        assert.deepEqual(await rowsOf(f, id), []);
        const [given] = await say(f.hub.service.url, COORDINATOR, `role ${nobody.id} staff Newham ${LIIA_TENANT}`);
        assert.match(cardText(given), /Role set/);
        const now = await submit(f.hub.service.url, nobody, id, NEWHAM, { title: "Filed once a borough is known" });
        assert.match(answerText(now), /your proforma is saved/);
        return "open and forged submit refused (ask a coordinator / TENANT_BOROUGHS); after a role: saved";
      },
    },
  ],
});

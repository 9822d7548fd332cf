import assert from "node:assert/strict";
import { cardText, execute, say } from "../../support/teams-client";
import { defineSuite } from "../support/reliability-case";
import { startHub, type HubFixture } from "../support/hub-fixture";
import { councilEnv, COORDINATOR, HACKNEY, NEWHAM, BOROUGH_TENANTS, proformaInputs, staffOf } from "../support/people";
import { answerText, submit, openForm, submitNew } from "../support/proforma-client";

const ann = staffOf(HACKNEY, 1, "Ann Hackney");
const nia = staffOf(NEWHAM, 1, "Nia Newham");
const newLead = staffOf(NEWHAM, 2, "Lee Newham");

interface RecordsFixture {
  hub: HubFixture;
  hackneyId?: string;
}

async function etagOf(hub: HubFixture, borough: string, id: string): Promise<string> {
  return String((await hub.table("proformas").getEntity(borough, id)).etag);
}

export const recordsSuite = defineSuite<RecordsFixture>({
  title: "roles, borough rights, audit trail and concurrent edits (real service, real Azurite)",
  async setup() {
    return { hub: await startHub({ COORDINATORS: COORDINATOR.id, ...councilEnv() }) };
  },
  async teardown(f) {
    await f.hub.stop();
  },
  cases: [
    {
      id: "R1",
      title: "when staff type role or people or audit, then each is refused on the server and nothing changes",
      expected: "3 refusal cards; people table unchanged; refusals in the audit trail",
      async run(f) {
        // Her first words make the bot keep her as seen (id, name, tenant); refusals change nothing after.
        await say(f.hub.service.url, nia, "help");
        const before = (await f.hub.rows("people")).length;
        const cards = [
          ...(await say(f.hub.service.url, nia, `role ${nia.id} coordinator`)),
          ...(await say(f.hub.service.url, nia, "people")),
          ...(await say(f.hub.service.url, nia, "audit")),
        ];
        for (const card of cards) assert.match(cardText(card), /Not allowed[\s\S]*Only an LIIA coordinator/);
        assert.equal((await f.hub.rows("people")).length, before);
        const refused = (await f.hub.rows("audit")).filter((r) => r.action === "refused" && r.actorId === nia.id);
        assert.equal(refused.length, 3, "one audit line per refusal (written under this week's partition)");
        return "3 refusal cards; people unchanged; 3 refusals audited";
      },
    },
    {
      id: "R2",
      title: "when a coordinator gives someone a role, then it is stored under their council's tenant and listed",
      expected: "people row: lead, Newham, Newham's tenant; people card lists it; audit line",
      async run(f) {
        const [card] = await say(f.hub.service.url, COORDINATOR, `role ${newLead.id} lead Newham`);
        assert.match(cardText(card), /Role set[\s\S]*lead for Newham/);
        const row = await f.hub.table("people").getEntity<Record<string, unknown>>(BOROUGH_TENANTS[NEWHAM]!, newLead.id);
        assert.deepEqual(JSON.parse(String(row.roles)), ["lead", "staff"]);
        assert.equal(row.borough, NEWHAM);
        const [list] = await say(f.hub.service.url, COORDINATOR, "people");
        assert.match(cardText(list), new RegExp(`lead · Newham[\\s\\S]*${newLead.id}`));
        const [trail] = await say(f.hub.service.url, COORDINATOR, `audit ${newLead.id}`);
        assert.match(cardText(trail), /role\.set · done[\s\S]*Cora Ordinator/);
        const [bad] = await say(f.hub.service.url, COORDINATOR, `role ${newLead.id} emperor`);
        assert.match(cardText(bad), /The role must be one of coordinator, dcs, lead, staff/);
        return "stored as lead of Newham in Newham's tenant; listed; audited; bad role refused";
      },
    },
    {
      id: "I7a",
      title: "when a Newham user forges a submit for Hackney, then it is refused and nothing is stored",
      expected: "refusal card naming Newham; no Hackney row",
      async run(f) {
        const id = await openForm(f.hub.service.url, nia);
        const answer = await submit(f.hub.service.url, nia, id, HACKNEY, { title: "Forged for Hackney" });
        assert.match(answerText(answer), /Not allowed[\s\S]*only share proformas for Newham/);
        const rows = (await f.hub.rows("proformas")).filter((r) => r.rowKey === id);
        assert.equal(rows.length, 0);
        return 'refused ("only for Newham"); nothing stored';
      },
    },
    {
      id: "I7b",
      title: "when a Newham user forges an edit of a Hackney record, then it is refused and the record is unchanged (ETag compared)",
      expected: "refusal card; ETag and title unchanged; audit shows the submit",
      async run(f) {
        f.hackneyId = await submitNew(f.hub.service.url, ann, HACKNEY, { title: "Hackney mentoring" });
        const before = await etagOf(f.hub, HACKNEY, f.hackneyId);
        for (const verb of ["proforma.save", "proforma.submit", "proforma.withdraw", "proforma.publish"]) {
          const answer = await execute(f.hub.service.url, nia, verb, {
            ...proformaInputs(HACKNEY, { title: "Hijacked" }),
            submissionId: f.hackneyId,
            proformaId: f.hackneyId,
            id: f.hackneyId,
            entryBorough: HACKNEY,
            borough: HACKNEY,
            etag: before,
            step: 0,
          });
          assert.equal(answer.status, 200);
          assert.match(answerText(answer), /Not allowed|Only the author|only share/, `${verb}: ${answerText(answer)}`);
        }
        assert.equal(await etagOf(f.hub, HACKNEY, f.hackneyId), before);
        const row = await f.hub.table("proformas").getEntity<Record<string, unknown>>(HACKNEY, f.hackneyId);
        assert.equal(row.title, "Hackney mentoring");
        const [trail] = await say(f.hub.service.url, COORDINATOR, `audit ${f.hackneyId}`);
        assert.match(cardText(trail), /proforma\.submitted · done[\s\S]*Ann Hackney/);
        return "4 forged verbs refused; ETag and title unchanged; audit shows Ann's submit";
      },
    },
    {
      id: "F4",
      title: "when the author and a coordinator save the same record at once, then one wins and the other is shown the current version",
      expected: '1 saved, 1 "changed since you opened it"; version +1',
      async run(f) {
        const id = f.hackneyId!;
        const etag = await etagOf(f.hub, HACKNEY, id);
        const versionBefore = Number((await f.hub.table("proformas").getEntity(HACKNEY, id)).version);
        const save = (user: typeof ann, title: string) =>
          execute(f.hub.service.url, user, "proforma.save", { ...proformaInputs(HACKNEY, { title }), submissionId: id, entryBorough: HACKNEY, etag, step: 0 });
        const answers = await Promise.all([save(ann, "Author's title"), save(COORDINATOR, "Coordinator's title")]);
        const texts = answers.map(answerText);
        assert.equal(texts.filter((t) => /Changes saved/.test(t)).length, 1, texts.join("\n---\n"));
        assert.equal(texts.filter((t) => /Changed since you opened it/.test(t)).length, 1);
        const row = await f.hub.table("proformas").getEntity<Record<string, unknown>>(HACKNEY, id);
        assert.equal(Number(row.version), versionBefore + 1);
        assert.ok(
          texts.some((t) => t.includes(String(row.title))),
          "the loser is shown the winner's version",
        );
        return "1 saved, 1 told and shown the current version; one new version";
      },
    },
  ],
});

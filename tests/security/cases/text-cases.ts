import assert from "node:assert/strict";
import { actionData, cardText, execute, say } from "../../support/teams-client";
import { checkCard } from "../../support/card-check";
import { defineSuite } from "../support/reliability-case";
import { startHub, type HubFixture } from "../support/hub-fixture";
import { COORDINATOR, councilEnv, HACKNEY, staffOf } from "../support/people";
import { answerText, openForm, submit, submitNew } from "../support/proforma-client";

const tess = staffOf(HACKNEY, 7, "Tess Hackney");

interface TextFixture {
  hub: HubFixture;
}

async function proformaCount(f: TextFixture): Promise<number> {
  return (await f.hub.rows("proformas")).length;
}

export const textSuite = defineSuite<TextFixture>({
  title: "typed text: well-formed Unicode, inert links, visible placeholders, bounded cards",
  async setup() {
    return { hub: await startHub({ COORDINATORS: COORDINATOR.id, ...councilEnv() }) };
  },
  async teardown(f) {
    await f.hub.stop();
  },
  cases: [
    {
      id: "14.9",
      title:
        "when typed text holds lone surrogates (a title ending in half an emoji, a summary full of them, a draft step, a review comment), then it is refused at validation naming the field, also on retry, and nothing is stored",
      expected: "each answer names the field and the broken character, fits a card, stores nothing; a retry answers the same",
      async run(f) {
        const url = f.hub.service.url;
        const before = await proformaCount(f);
        const id = await openForm(url, tess);
        const title = await submit(url, tess, id, HACKNEY, { title: "Family group conferences \uD83D" });
        assert.match(answerText(title), /Title holds a broken character at character 26/);
        const summary = "\uDE00".repeat(3_000);
        for (let attempt = 0; attempt < 2; attempt++) {
          const answer = await submit(url, tess, id, HACKNEY, { summary });
          const text = answerText(answer);
          assert.doesNotMatch(text, /Too large/);
          assert.match(text, /Summary holds a broken character at character 1\b/);
          assert.ok(checkCard(answer.body.value).bytes < 28 * 1024, "the form shown again fits a card");
          assert.ok(!JSON.stringify(answer.body.value).includes("\\ud"), "the card shown again holds no lone surrogate");
        }
        const draft = await execute(url, tess, "proforma.draft", { submissionId: id, step: 0, title: "A draft \uDBFF", borough: HACKNEY });
        assert.match(answerText(draft), /Title holds a broken character/);
        assert.equal(await proformaCount(f), before, "nothing stored");

        const kept = await submitNew(url, tess, HACKNEY, { title: "Emoji kept whole 😀" });
        const stored = await f.hub.table("proformas").getEntity<Record<string, unknown>>(HACKNEY, kept);
        assert.equal(stored.title, "Emoji kept whole 😀", "a whole emoji is kept");
        const [queue] = await say(url, COORDINATOR, "review proformas");
        assert.match(cardText(queue), /Emoji kept whole/);
        const returned = await execute(url, COORDINATOR, "proforma.return", {
          submissionId: kept,
          entryBorough: HACKNEY,
          etag: String(stored.etag),
          reviewComment: "Please add \uDC00 evidence",
        });
        assert.match(answerText(returned), /Comment holds a broken character at character 12/);
        const after = await f.hub.table("proformas").getEntity<Record<string, unknown>>(HACKNEY, kept);
        assert.equal(after.status, "submitted", "the refused return changed nothing");
        const [form] = await say(url, COORDINATOR, "nominate");
        const nominationId = String(actionData(form, "nomination.submit").nominationId);
        const nomination = await execute(url, COORDINATOR, "nomination.submit", {
          nominationId,
          borough: HACKNEY,
          kind: "lead",
          nomineeId: tess.id,
          jobTitle: "Head of Service \uD83D",
        });
        assert.match(answerText(nomination), /Job title holds a broken character at character 17/);
        assert.equal((await f.hub.rows("nominations")).length, 0, "no nomination stored");
        return "Title, Summary (twice), a draft's Title, a review Comment and a nomination's Job title refused by name; nothing stored; a whole emoji kept";
      },
    },
  ],
});

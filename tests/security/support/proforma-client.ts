import assert from "node:assert/strict";
import { actionData, activity, cardText, execute, post, type HttpAnswer, type TestUser } from "../../support/teams-client";
import { proformaInputs } from "./people";

/** Opens a proforma card as the person would (starting a new one if a draft is offered), and returns the server-made submission id. */
export async function openForm(url: string, user: TestUser): Promise<string> {
  let card: any;
  // `proforma` reads the person's drafts: in a burst the turn gate may answer 503 busy, and a client
  // tries again after the Retry-After it gives, as Teams does.
  for (let attempt = 1; ; attempt++) {
    const answer = await post(url, activity(user, { type: "message", text: "proforma", deliveryMode: "expectReplies" }));
    if (answer.status === 503 && attempt < 6) {
      await new Promise((r) => setTimeout(r, 2000));
      continue;
    }
    assert.equal(answer.status, 200, `proforma answered ${answer.status}`);
    card = answer.body?.activities?.[0]?.attachments?.[0]?.content;
    break;
  }
  if (JSON.stringify(card).includes('"proforma.new"')) card = (await execute(url, user, "proforma.new", actionData(card, "proforma.new"))).body?.value;
  return String(actionData(card, "proforma.submit").submissionId);
}

/** Presses submit on a card with these inputs. */
export function submit(url: string, user: TestUser, submissionId: string, borough: string, overrides: Record<string, unknown> = {}): Promise<HttpAnswer> {
  return execute(url, user, "proforma.submit", { submissionId, ...proformaInputs(borough, overrides) });
}

/** Opens and submits; asserts the confirmation. */
export async function submitNew(url: string, user: TestUser, borough: string, overrides: Record<string, unknown> = {}): Promise<string> {
  const id = await openForm(url, user);
  const answer = await submit(url, user, id, borough, overrides);
  assert.equal(answer.status, 200);
  assert.match(cardText(answer.body?.value), /your proforma is saved/);
  return id;
}

export function answerText(answer: HttpAnswer): string {
  return cardText(answer.body?.value);
}

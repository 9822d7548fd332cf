import assert from "node:assert/strict";
import { actionData, activity, cardText, execute, post, type HttpAnswer, type TestUser } from "../../support/teams-client";
import { proformaInputs } from "./people";

/**
 * Sends a turn, and in a burst sends it again after the Retry-After the turn gate gives with its 503
 * busy (2 s), at most six times, as Teams does.
 */
async function patiently(send: () => Promise<HttpAnswer>, what: string): Promise<HttpAnswer> {
  for (let attempt = 1; ; attempt++) {
    const answer = await send();
    if (answer.status === 503 && attempt < 6) {
      await new Promise((r) => setTimeout(r, 2000));
      continue;
    }
    assert.equal(answer.status, 200, `${what} answered ${answer.status}`);
    return answer;
  }
}

/** Opens a proforma card as the person would (starting a new one if a draft is offered), and returns the server-made submission id. */
export async function openForm(url: string, user: TestUser): Promise<string> {
  // `proforma` reads the person's drafts, and may offer one before a new form: both turns may be busy.
  const answer = await patiently(() => post(url, activity(user, { type: "message", text: "proforma", deliveryMode: "expectReplies" })), "proforma");
  let card: any = answer.body?.activities?.[0]?.attachments?.[0]?.content;
  if (JSON.stringify(card).includes('"proforma.new"'))
    card = (await patiently(() => execute(url, user, "proforma.new", actionData(card, "proforma.new")), "proforma.new")).body?.value;
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

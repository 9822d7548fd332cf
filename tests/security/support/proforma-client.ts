import assert from "node:assert/strict";
import { actionData, cardText, execute, say, type HttpAnswer, type TestUser } from "../../support/teams-client";
import { proformaInputs } from "./people";

/** Opens a proforma card as the person would, and returns the server-made submission id. */
export async function openForm(url: string, user: TestUser): Promise<string> {
  const [card] = await say(url, user, "proforma");
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

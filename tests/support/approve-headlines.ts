import assert from "node:assert/strict";
import { ANN, BEN, cardText, say, type TestUser } from "./teams-client";

/**
 * The two-person rule as coordinators go through it: one proposes the latest stored headlines, a
 * second approves them (over the real bot endpoint). Both must be coordinators on that service.
 */
export async function proposeAndApprove(url: string, first: TestUser = ANN, second: TestUser = BEN): Promise<void> {
  const [proposed] = await say(url, first, "propose headlines");
  assert.match(cardText(proposed), /Proposed data headlines/);
  const [approved] = await say(url, second, "approve headlines");
  assert.match(cardText(approved), /The headlines are approved/);
}

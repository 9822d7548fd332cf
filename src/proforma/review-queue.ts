import type { ProformaDeps } from "./proforma-deps";
import { inert } from "../cards/inert-text";
import { renderCard, type AdaptiveCard } from "../cards/render-card";
import { BOROUGHS } from "../domain/boroughs";
import type { Turn } from "../domain/conversation";
import { canPublish } from "./proforma-access";
import { assertCoordinator } from "../domain/actor";
import { verbData } from "../domain/verbs";
import { PROFORMA_VERB_DATA } from "./proforma-verbs";

/** Data bound to cards/review-queue.json. */
export interface ReviewQueueData {
  entries: { title: string; line: string; data: Record<string, unknown> }[];
  more: string;
}

const SHOWN = 20;

/** `review proformas` (coordinators): submitted entries waiting, oldest first; one query per borough partition. */
export async function reviewQueue(ctx: ProformaDeps, turn: Turn): Promise<AdaptiveCard> {
  assertCoordinator(turn.actor, "review proformas");
  const submitted = (await Promise.all(BOROUGHS.map((b) => ctx.proformas.inBorough(b.code, { statuses: ["submitted"] })))).flat();
  const waiting = submitted.filter((p) => canPublish(turn.actor, p));
  waiting.sort((a, b) => (a.updatedAt < b.updatedAt ? -1 : 1));
  return renderCard<ReviewQueueData>("review-queue", {
    entries: waiting.slice(0, SHOWN).map((p) => ({
      title: inert(p.title),
      line: `${BOROUGHS.find((b) => b.code === p.borough)?.name ?? p.borough} · submitted ${p.updatedAt.slice(0, 10)}`,
      data: verbData(PROFORMA_VERB_DATA, "proforma.view", { submissionId: p.id, entryBorough: p.borough }),
    })),
    more: waiting.length > SHOWN ? `And ${waiting.length - SHOWN} more waiting.` : "",
  });
}

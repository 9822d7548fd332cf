import type { DigestDeps } from "./digest-deps";
import type { CommandHandler, VerbHandler } from "../domain/handlers";
import { inert } from "../cards/inert-text";
import { noticeCard } from "../cards/notice-card";
import { renderCard, type AdaptiveCard } from "../cards/render-card";
import { BOROUGHS, boroughByCode } from "../domain/boroughs";
import { isCoordinator } from "../domain/actor";
import type { Turn } from "../domain/conversation";
import { HubError } from "../domain/errors";
import { isoWeek } from "../domain/iso-week";
import { digestCard } from "./digest-card";
import type { DigestData } from "./digest-data";
import { parseWeekArg } from "./digest-week";
import type { DigestVerbData } from "./digest-verbs";
import { FEEDBACK_KINDS, FEEDBACK_LABELS, type DigestFeedback, type FeedbackKind } from "./feedback-store";
import { digestRunKey } from "./send-digest";

const THANKS: Record<FeedbackKind, string> = {
  useful: "You marked this digest useful. Thank you: the coordinators see who marked what, nothing else.",
  discuss: "You asked to discuss this digest at the next meeting. The coordinators will put it on the agenda.",
  opened: "The numbers are shown below. The coordinators see that you opened them; nothing else is recorded.",
};

/**
 * "Useful" / "Discuss at the next meeting" on a digest card: records who pressed which (pressing again
 * leaves one row) and answers with the same digest, thanking them. Nobody who did not press is recorded.
 */
export const digestFeedback: VerbHandler<DigestDeps, DigestVerbData<"digest.feedback">> = async (ctx, turn, { week, kind }) =>
  pressed(ctx, turn, { week, kind });

/**
 * "Show the numbers" on a digest card: the same digest with its numbers table open, and a row saying
 * who opened it (pressing again leaves one row). Reading the card without pressing records nothing.
 */
export const digestDetails: VerbHandler<DigestDeps, DigestVerbData<"digest.details">> = async (ctx, turn, { week }) =>
  pressed(ctx, turn, { week, kind: "opened" });

async function pressed(ctx: DigestDeps, turn: Turn, { week, kind }: { week: string; kind: FeedbackKind }) {
  const content = await ctx.runs.content(digestRunKey(week));
  const channel = await ctx.channels.get(turn.conversation.tenantId, turn.conversation.conversationId);
  await ctx.feedback.record({
    week,
    kind,
    objectId: turn.actor.id,
    name: turn.actor.name,
    borough: turn.actor.borough ?? channel?.borough ?? "",
    at: ctx.now().toISOString(),
  });
  if (content === undefined) return noticeCard("Thank you", THANKS[kind], "Good");
  return digestCard(JSON.parse(content) as DigestData, { leadBorough: channel?.borough, note: THANKS[kind], numbersShown: kind === "opened" });
}

/** Data bound to cards/digest-feedback.json. */
export interface FeedbackCardData {
  week: string;
  total: string;
  boroughs: { name: string; lines: { label: string; names: string }[] }[];
}

export function feedbackCard(week: string, presses: readonly DigestFeedback[]): AdaptiveCard {
  const areas = [...BOROUGHS.map((b) => ({ code: b.code, name: b.name })), { code: "", name: "No borough (LIIA)" }];
  const boroughs = areas
    .map((area) => {
      const here = presses.filter((p) => (boroughByCode(p.borough) ? p.borough : "") === area.code);
      return {
        name: area.name,
        lines: FEEDBACK_KINDS.map((kind) => {
          const names = here.filter((p) => p.kind === kind).map((p) => inert(p.name));
          return { label: FEEDBACK_LABELS[kind], names: names.length ? names.join(", ") : "nobody" };
        }),
        any: here.length > 0,
      };
    })
    .filter((b) => b.any || b.name !== "No borough (LIIA)")
    .map(({ name, lines }) => ({ name, lines }));
  const people = new Set(presses.map((p) => p.objectId)).size;
  return renderCard<FeedbackCardData>("digest-feedback", {
    week,
    total: `${people} ${people === 1 ? "person" : "people"} pressed a button on the digest for ${week} (Useful, Discuss at the next meeting, or Show the numbers). Only presses are recorded; nobody is tracked for reading.`,
    boroughs,
  });
}

/** `digest feedback [week]` (coordinators): per borough, who marked the digest useful or to discuss. */
export const digestFeedbackCommand: CommandHandler<DigestDeps> = async (ctx: DigestDeps, turn: Turn, args: string) => {
  if (!isCoordinator(turn.actor)) throw new HubError("forbidden", "Only an LIIA coordinator can see who marked the digest.");
  const week = parseWeekArg(args, isoWeek(ctx.now()));
  return feedbackCard(week, await ctx.feedback.forWeek(week));
};

import type { DigestDeps } from "./digest-deps";
import type { VerbHandler } from "../domain/handlers";
import type { AdaptiveCard } from "../cards/render-card";
import type { Turn } from "../domain/conversation";
import { conveneFormWith } from "../meetings/convene";
import { mayConvene } from "../meetings/meeting-rights";
import { findingArea } from "../library/practice-rules";
import { findingSubject } from "../library/practice-match";
import { digestHeadlines } from "./compose-digest";
import { digestCard } from "./digest-card";
import type { DigestData, DigestHeadline } from "./digest-data";
import { headlineTitle } from "./headline-plot";
import { headlinesCard } from "./headline-commands";
import { digestRunKey } from "./send-digest";
import type { DigestVerbData } from "./digest-verbs";

/** "Suspensions of Black Caribbean pupils in Hackney, 2022/23": what the conversation is about. */
export function conveneTopic(h: DigestHeadline): string {
  // The label is "<group>, <area>".
  const place = h.group && h.label.startsWith(`${h.group}, `) ? h.label.slice(h.group.length + 2) : h.label;
  const finding = h.measure ? findingArea(h.measure, h.level) : undefined;
  if (finding && h.group) {
    const subject = findingSubject(finding.subject, h.group);
    return `${subject.charAt(0).toUpperCase()}${subject.slice(1)} in ${place}, ${h.period}`;
  }
  return `${h.label}: ${headlineTitle(h)}, ${h.period}`;
}

/** The card the button sat on, again, with a note: the week's digest, or the approved headlines. */
async function sameCard(ctx: DigestDeps, turn: Turn, week: string, headlines: readonly DigestHeadline[], note: string): Promise<AdaptiveCard> {
  if (week) {
    const content = await ctx.runs.content(digestRunKey(week));
    const channel = await ctx.channels.get(turn.conversation.tenantId, turn.conversation.conversationId);
    if (content !== undefined) return digestCard(JSON.parse(content) as DigestData, { leadBorough: channel?.borough, note });
  }
  return headlinesCard({ headlines: [...headlines] }, `Data headlines. ${note}`);
}

/**
 * "Convene a conversation on this" under a data headline: the convene form, filled with the finding
 * as its topic, its outcome area as the theme and the matching practice to discuss. The headline is
 * looked up again among the approved ones (nothing on the card is trusted). In a channel the form goes
 * to the presser's one-to-one chat and the card they pressed stays, with a note; someone who may not
 * convene keeps the card, told who can.
 */
export const conveneFromHeadline: VerbHandler<DigestDeps, DigestVerbData<"headline.convene">> = async (ctx, turn, { key, week }) => {
  const headlines = await digestHeadlines(ctx);
  const headline = headlines.find((h) => h.key === key);
  if (!headline)
    return sameCard(ctx, turn, week, headlines, "That finding is no longer among the approved headlines: type convene to call a conversation on any topic.");
  if (!mayConvene(turn.actor))
    return sameCard(
      ctx,
      turn,
      week,
      headlines,
      "Only a confirmed borough lead or an LIIA coordinator can convene a conversation: ask your borough lead to convene on this finding.",
    );
  const form = await conveneFormWith(ctx, turn, {
    topic: conveneTopic(headline),
    theme: headline.outcomeArea ? `outcome:${headline.outcomeArea}` : undefined,
    proformas: (headline.practice ?? []).map((p) => p.id),
  });
  if (turn.conversation.conversationType === "personal") return form;
  const chat = await ctx.channels.personalChat(turn.actor.tenantId, turn.actor.id);
  if (!chat) return sameCard(ctx, turn, week, headlines, "To convene on this finding, open a one-to-one chat with me and type convene there.");
  try {
    await ctx.messenger.post(chat.ref, form);
  } catch (error) {
    ctx.logger.warn({ err: error }, "could not post the convene form to the presser's one-to-one chat");
    return sameCard(ctx, turn, week, headlines, "I could not reach our one-to-one chat: type convene there.");
  }
  return sameCard(ctx, turn, week, headlines, "The convene form, filled in for this finding, is in your one-to-one chat with me.");
};

import type { NominationDeps } from "./nominations-deps";
import type { VerbHandler } from "../domain/handlers";
import { noticeCard } from "../cards/notice-card";
import type { Turn } from "../domain/conversation";
import { HubError } from "../domain/errors";
import { kindTitle, type Nomination } from "./nomination";
import { boroughName, nominationConfirmCard } from "./nomination-cards";
import { isNominee } from "./nomination-rights";
import type { NominationVerbData } from "./nomination-verbs";

/** Reads the nomination a card's button points at; the id is only a locator, rights come from the record. */
export async function nominationOf(ctx: NominationDeps, { nominationId }: { nominationId?: string }): Promise<Nomination> {
  const nomination = nominationId !== undefined ? await ctx.nominations.find(nominationId) : undefined;
  if (!nomination)
    throw new HubError("not-found", "This nomination no longer exists: it may have been withdrawn and removed. Type nominations to see those waiting.");
  return nomination;
}

export function statusSentence(n: Nomination): string {
  const what = `${boroughName(n.borough)} ${kindTitle(n.kind)} nomination`;
  switch (n.status) {
    case "open":
      return `The ${what} is waiting for the nominee.`;
    case "accepted":
      return `The ${what} was accepted and is waiting for confirmation.`;
    default:
      return `The ${what} is already ${n.status}.`;
  }
}

async function ownNomination(ctx: NominationDeps, turn: Turn, data: { nominationId?: string }): Promise<Nomination> {
  const n = await nominationOf(ctx, data);
  if (!isNominee(turn.actor, n)) throw new HubError("forbidden", "Only the person nominated can accept or decline this nomination.");
  if (n.status !== "open") throw new HubError("conflict", statusSentence(n));
  return n;
}

/** The confirm card goes to the borough's DCS channel; with none registered, to the coordinators' channels. */
async function askForConfirmation(ctx: NominationDeps, n: Nomination): Promise<number> {
  let targets = await ctx.notifier.channelsWithRole("dcs", n.borough);
  if (targets.length === 0) targets = await ctx.notifier.channelsWithRole("coordinators");
  const lead = (await ctx.leads.roster(n.borough)).lead;
  const card = nominationConfirmCard(n, lead?.name);
  const sent = await Promise.all(targets.map((t) => ctx.notifier.deliver(t.ref, card)));
  return sent.filter(Boolean).length;
}

export const acceptNomination: VerbHandler<NominationDeps, NominationVerbData<"nomination.accept">> = async (ctx, turn, data) => {
  const n = await ownNomination(ctx, turn, data);
  const now = ctx.now().toISOString();
  const accepted = await ctx.nominations.update({ ...n, status: "accepted", nomineeName: turn.actor.name || n.nomineeName, updatedAt: now });
  await ctx.feed.record({
    key: `nomination.accepted:${n.id}`,
    kind: "nomination.accepted",
    at: now,
    borough: n.borough,
    subjectId: n.id,
    title: `${boroughName(n.borough)} ${kindTitle(n.kind)}`,
  });
  const asked = await askForConfirmation(ctx, accepted);
  return noticeCard(
    "Thank you for accepting",
    `${boroughName(n.borough)}'s DCS or an LIIA coordinator will confirm you as ${kindTitle(n.kind)}.${asked ? "" : " No DCS channel is registered yet: a coordinator can confirm by typing nominations."}`,
    "Good",
  );
};

export const declineNomination: VerbHandler<NominationDeps, NominationVerbData<"nomination.accept">> = async (ctx, turn, data) => {
  const n = await ownNomination(ctx, turn, data);
  const now = ctx.now().toISOString();
  await ctx.nominations.update({ ...n, status: "declined", updatedAt: now, decidedAt: now, decidedById: turn.actor.id });
  await ctx.feed.record({
    key: `nomination.declined:${n.id}`,
    kind: "nomination.declined",
    at: now,
    borough: n.borough,
    subjectId: n.id,
    title: `${boroughName(n.borough)} ${kindTitle(n.kind)}`,
  });
  return noticeCard("Nomination declined", `Thank you for letting us know. The nomination will be deleted after ${ctx.config.nominationRetentionDays} days.`);
};

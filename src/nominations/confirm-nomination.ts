import type { NominationDeps } from "./nominations-deps";
import type { VerbHandler } from "../domain/handlers";
import { noticeCard } from "../cards/notice-card";
import { HubError } from "../domain/errors";
import { grantLeadRole, revokeLeadRole } from "../leads/lead-roles";
import type { LeadTerm } from "../leads/lead-term";
import { kindTitle, type Nomination } from "./nomination";
import { boroughName } from "./nomination-cards";
import { canConfirm, canWithdraw } from "./nomination-rights";
import type { NominationVerbData } from "./nomination-verbs";
import { nominationOf, statusSentence } from "./respond-to-nomination";

/**
 * The DCS's or a coordinator's confirmation. The nomination is claimed first (conditional on its
 * ETag), then the term is started; if that fails the claim is undone so the confirmation can be
 * pressed again.
 */
export const confirmNomination: VerbHandler<NominationDeps, NominationVerbData<"nomination.confirm">> = async (ctx, turn, data) => {
  const n = await nominationOf(ctx, data);
  if (!canConfirm(turn.actor, n)) throw new HubError("forbidden", `Only ${boroughName(n.borough)}'s DCS or an LIIA coordinator can confirm this nomination.`);
  if (n.status !== "accepted") throw new HubError("conflict", statusSentence(n));
  const now = ctx.now().toISOString();
  const claimed = await ctx.nominations.update({ ...n, status: "confirmed", updatedAt: now, decidedAt: now, decidedById: turn.actor.id });
  const term: LeadTerm = {
    borough: n.borough,
    id: n.id,
    kind: n.kind,
    objectId: n.nomineeId,
    tenantId: n.nomineeTenantId,
    name: n.nomineeName,
    jobTitle: n.nomineeJobTitle,
    since: now,
    until: "",
    confirmedById: turn.actor.id,
  };
  let replaced: LeadTerm | undefined;
  try {
    replaced = (await ctx.leads.confirm(term)).replaced;
  } catch (error) {
    await ctx.nominations.update({ ...n, etag: claimed.etag, updatedAt: now }).catch(() => undefined);
    throw error;
  }
  await grantLeadRole(ctx, term, turn.actor.id);
  if (replaced) await revokeLeadRole(ctx, replaced, turn.actor.id);
  await ctx.feed.record({
    key: `lead.confirmed:${n.id}`,
    kind: "lead.confirmed",
    at: now,
    borough: n.borough,
    subjectId: n.id,
    title: `${boroughName(n.borough)} ${kindTitle(n.kind)}`,
    data: { kind: n.kind, replaced: Boolean(replaced) },
  });
  ctx.logger.info({ event: "lead.confirmed", id: n.id, borough: n.borough, kind: n.kind, replaced: replaced?.id ?? null }, "lead confirmed");
  await ctx.notifier.sendToPerson(
    n.nomineeTenantId,
    n.nomineeId,
    noticeCard(
      "You are confirmed",
      `You are now ${boroughName(n.borough)}'s ${kindTitle(n.kind)}. Type leads to see the other leads, or convene to call a cross-borough conversation.`,
      "Good",
    ),
  );
  if (replaced) {
    await ctx.notifier.sendToPerson(
      replaced.tenantId,
      replaced.objectId,
      noticeCard("Thank you", `${boroughName(n.borough)} has confirmed a new borough lead. Your time as lead is kept in the borough's history.`),
    );
  }
  return noticeCard("Confirmed", confirmedSentence(n, replaced), "Good");
};

function confirmedSentence(n: Nomination, replaced?: LeadTerm): string {
  const who = n.nomineeName || "The nominee";
  return `${who} is now ${boroughName(n.borough)}'s ${kindTitle(n.kind)}.${replaced ? ` This replaces ${replaced.name || "the previous lead"}, who stays in the history.` : ""}`;
}

/** The nominator, the borough's DCS or a coordinator may withdraw a waiting nomination. */
export const withdrawNomination: VerbHandler<NominationDeps, NominationVerbData<"nomination.withdraw">> = async (ctx, turn, data) => {
  const n = await nominationOf(ctx, data);
  if (!canWithdraw(turn.actor, n))
    throw new HubError("forbidden", "Only the person who nominated, the borough's DCS or an LIIA coordinator can withdraw this nomination.");
  if (n.status !== "open" && n.status !== "accepted") throw new HubError("conflict", statusSentence(n));
  const now = ctx.now().toISOString();
  await ctx.nominations.update({ ...n, status: "withdrawn", updatedAt: now, decidedAt: now, decidedById: turn.actor.id });
  return noticeCard(
    "Nomination withdrawn",
    `The ${boroughName(n.borough)} ${kindTitle(n.kind)} nomination is withdrawn. It will be deleted after ${ctx.config.nominationRetentionDays} days.`,
  );
};

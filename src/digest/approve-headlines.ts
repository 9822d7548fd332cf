import type { DigestDeps } from "./digest-deps";
import type { CommandHandler } from "../domain/handlers";
import { recordAudit } from "../audit/record-audit";
import { noticeCard } from "../cards/notice-card";
import { withinTurn } from "../delivery/background";
import { assertCoordinator, type Actor } from "../domain/actor";
import type { Turn } from "../domain/conversation";
import { HubError } from "../domain/errors";
import type { StoredHeadline } from "../headlines/measure-store";
import type { HeadlineApproval } from "./approval-store";
import { toDigestHeadlines } from "./compose-digest";
import { headlinesCard } from "./headline-commands";
import { headlineChart } from "./headline-plot";
import { correctDigest, lastSentWeek } from "./send-digest";

const SHOWN = 5;

/** The figures' data version: the run, and each source file with the start of its checksum. */
export function dataVersion(runId: string, headlines: readonly StoredHeadline[]): string {
  const files = new Map<string, string>();
  for (const h of headlines) {
    const names = h.source.split(", ");
    const sums = h.checksum.split(",");
    names.forEach((name, i) => files.set(name, (sums[i] ?? "").slice(0, 12)));
  }
  return `run ${runId}; ${[...files].map(([name, sum]) => `${name} ${sum || "no checksum"}`).join("; ")}`;
}

/** The two-person rule, decided without storage: who may approve this proposal, or why not. */
export function decideApproval(approval: HeadlineApproval | undefined, approver: Actor): { ok: true } | { ok: false; reason: string } {
  if (!approval) return { ok: false, reason: "Nothing is waiting for approval: a coordinator first types propose headlines." };
  if (approval.approvedBy)
    return { ok: false, reason: `These headlines were already approved by ${approval.approvedByName} on ${approval.approvedAt!.slice(0, 10)}.` };
  if (approval.proposedBy === approver.id) {
    return { ok: false, reason: "You proposed these headlines, so you cannot approve them: a second coordinator must check the figures and approve them." };
  }
  return { ok: true };
}

async function latestRun(ctx: DigestDeps): Promise<{ runId: string; headlines: StoredHeadline[] }> {
  const runId = await ctx.measures.latestRunId();
  if (!runId) throw new HubError("not-found", "No headlines are stored yet: an analyst loads data with npm run analyse -- --store <files>.");
  return { runId, headlines: await ctx.measures.headlinesOfRun(runId, SHOWN) };
}

/** `propose headlines` (coordinators): puts the latest stored headlines forward for a second coordinator. */
export const proposeHeadlines: CommandHandler<DigestDeps> = async (ctx: DigestDeps, turn: Turn) => {
  assertCoordinator(turn.actor, "propose headlines");
  const { runId, headlines } = await latestRun(ctx);
  const version = dataVersion(runId, headlines);
  await ctx.approvals.propose({ runId, dataVersion: version, proposedBy: turn.actor.id, proposedByName: turn.actor.name, proposedAt: ctx.now().toISOString() });
  await recordAudit(ctx, turn.actor, {
    key: `headlines.proposed:${runId}`,
    action: "headlines.proposed",
    recordId: runId,
    detail: `Proposed ${headlines.length} data headlines for the digest; data version: ${version}.`,
  });
  const shown = toDigestHeadlines(headlines);
  const chart = await headlineChart(ctx, shown);
  return headlinesCard(
    chart ? { headlines: shown, chart } : { headlines: shown },
    "Proposed data headlines: a second coordinator approves them with approve headlines",
  );
};

/**
 * `approve headlines` (coordinators other than the proposer): the digest carries these headlines from
 * now on; the approval and the data version go in the audit trail. If this week's digest was already
 * sent, its cards are corrected in place, each changed headline saying what it was.
 */
export const approveHeadlines: CommandHandler<DigestDeps> = async (ctx: DigestDeps, turn: Turn) => {
  assertCoordinator(turn.actor, "approve headlines");
  const { runId } = await latestRun(ctx);
  const found = await ctx.approvals.get(runId);
  const decision = decideApproval(found?.approval, turn.actor);
  if (!decision.ok) {
    if (found && found.approval.proposedBy === turn.actor.id && !found.approval.approvedBy) {
      await recordAudit(ctx, turn.actor, {
        key: `headlines.approve-refused:${runId}:${ctx.now().getTime()}`,
        action: "refused",
        recordId: runId,
        outcome: "refused",
        detail: "Tried to approve headlines they proposed (two-person rule).",
      });
    }
    throw new HubError(found ? "forbidden" : "not-found", decision.reason);
  }
  const approval: HeadlineApproval = { ...found!.approval, approvedBy: turn.actor.id, approvedByName: turn.actor.name, approvedAt: ctx.now().toISOString() };
  await ctx.approvals.approve(approval, found!.etag);
  await recordAudit(ctx, turn.actor, {
    key: `headlines.approved:${runId}`,
    action: "headlines.approved",
    recordId: runId,
    detail: `Approved the data headlines proposed by ${approval.proposedByName}; data version: ${approval.dataVersion}.`,
  });
  const week = await lastSentWeek(ctx, ctx.now());
  if (week === undefined) {
    return noticeCard("Approved", "The headlines are approved: the next digest and post headlines carry them.", "Good");
  }
  const result = await withinTurn(ctx, correctDigest(ctx, week));
  if (!result.done) return noticeCard("Approved", `The headlines are approved; the digest for ${week} is being corrected in place in each channel.`, "Good");
  return noticeCard(
    "Approved",
    `The headlines are approved, and the digest for ${week} was corrected in place in ${result.value.updated} channel(s); changed figures say what they were.`,
    "Good",
  );
};

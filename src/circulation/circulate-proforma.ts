import type { CirculationDeps } from "./circulation-deps";
import type { CommandHandler } from "../domain/handlers";
import type { AdaptiveCard } from "../cards/render-card";
import { BOROUGHS, boroughByCode } from "../domain/boroughs";
import type { Turn } from "../domain/conversation";
import { HubError } from "../domain/errors";
import { idTime, newId } from "../domain/ids";
import { assertCoordinator } from "../domain/actor";
import { invitationCard, postedCard } from "./circulation-cards";
import type { CirculationRound, InvitePost } from "./circulation-store";
import { longDate, parseDeadline } from "./parse-deadline";

/** A repeat of the same command within this long (a retried turn, a double send) posts nothing new. */
const REPEAT_WINDOW_MS = 10 * 60 * 1000;

/**
 * `circulate proforma by <date>` (coordinators): opens a round and posts the invitation to every channel
 * registered as a borough channel; each post's outcome is recorded, and a failed post does not stop the rest.
 */
export const circulateProforma: CommandHandler<CirculationDeps> = async (ctx: CirculationDeps, turn: Turn, args: string): Promise<AdaptiveCard> => {
  assertCoordinator(turn.actor, "circulate the proforma");
  const parsed = parseDeadline(args, ctx.now());
  if ("error" in parsed) throw new HubError("invalid-input", parsed.error);
  const latest = await ctx.circulations.latest();
  if (latest && latest.deadline === parsed.deadline && ctx.now().getTime() - idTime(latest.id).getTime() < REPEAT_WINDOW_MS) {
    return postedCard("Already circulated", [
      `The proforma went to the borough channels a few minutes ago, with the deadline ${longDate(latest.deadline)}. Nothing was posted again.`,
    ]);
  }
  const channels = (await ctx.channels.withRole("borough")).filter((c) => c.borough && boroughByCode(c.borough));
  if (channels.length === 0) {
    // Nothing to post to: no round is opened, so the same command works once channels are registered.
    return postedCard("Nothing was sent", [
      "No borough channel is registered yet, so the invitation went to no one and no round was opened.",
      "In each borough's channel, @mention the bot and type register this channel as borough Hackney (with that borough's name), then type circulate proforma by the deadline again.",
    ]);
  }
  const round: CirculationRound = {
    id: newId(ctx.now().getTime()),
    deadline: parsed.deadline,
    openedAt: ctx.now().toISOString(),
    openedBy: turn.actor.id,
    openedByName: turn.actor.name,
  };
  await ctx.circulations.open(round);
  const posts: InvitePost[] = [];
  for (const channel of channels) {
    const borough = channel.borough!;
    let post: InvitePost;
    try {
      const { activityId } = await ctx.messenger.post(channel.ref, invitationCard(boroughByCode(borough)!.name, round));
      post = { borough, conversationId: channel.ref.conversationId, outcome: "posted", activityId, at: ctx.now().toISOString() };
    } catch (error) {
      ctx.logger.warn({ err: error, event: "circulation.post-failed", borough, conversation: channel.ref.conversationId }, "invitation not posted");
      post = { borough, conversationId: channel.ref.conversationId, outcome: "failed", activityId: "", at: ctx.now().toISOString() };
    }
    await ctx.circulations.recordInvite(round.id, post);
    posts.push(post);
  }
  ctx.logger.info(
    { event: "circulation.opened", round: round.id, deadline: round.deadline, posted: posts.filter((p) => p.outcome === "posted").length },
    "proforma circulated",
  );
  const postedTo = new Set(posts.filter((p) => p.outcome === "posted").map((p) => p.borough));
  const failed = [...new Set(posts.filter((p) => p.outcome === "failed" && !postedTo.has(p.borough)).map((p) => boroughByCode(p.borough)!.name))];
  const noChannel = BOROUGHS.filter((b) => !channels.some((c) => c.borough === b.code)).map((b) => b.name);
  const lines = [
    `Invitation posted to ${postedTo.size} of ${BOROUGHS.length} boroughs, deadline ${longDate(round.deadline)}. Reminders go to boroughs that have not submitted three days before.`,
  ];
  if (failed.length) lines.push(`Could not post to: ${failed.join(", ")}. Type circulate proforma by ${round.deadline} again in a few minutes to retry.`);
  if (noChannel.length)
    lines.push(`No borough channel registered for: ${noChannel.join(", ")}. In their channel, type register this channel as borough <name>.`);
  return postedCard("Proforma circulated", lines);
};

import type { MeetingsDeps } from "./meetings-deps";
import { currentInvitation, refreshCopies } from "./refresh-copies";

/** How far back a started conversation is still turned into its held card (housekeeping runs every 15 minutes). */
const LOOK_BACK_MS = 7 * 86_400_000;

/**
 * Once a conversation has started, every posted copy of its invitation becomes the held card: answers
 * closed, "Record outcomes" for the convener. Nothing else redraws a card in a channel, and clients
 * without Universal Actions refresh would show the RSVP buttons for ever. Each meeting is turned once
 * (heldShownAt); a copy that fails is logged and the meeting tried again next run.
 */
export async function turnHeldMeetings(ctx: MeetingsDeps): Promise<number> {
  const now = ctx.now();
  const started = await ctx.meetings.between(new Date(now.getTime() - LOOK_BACK_MS).toISOString(), now.toISOString());
  let turned = 0;
  for (const m of started) {
    if (m.status !== "scheduled" || m.heldShownAt || new Date(m.startsAt).getTime() > now.getTime()) continue;
    const copies = (await ctx.meetings.posted(m.id)).length;
    const updated = await refreshCopies(ctx, m.id, await currentInvitation(ctx, m));
    if (updated < copies) continue;
    const fresh = await ctx.meetings.get(m.id);
    if (!fresh || fresh.heldShownAt) continue;
    await ctx.meetings.update({ ...fresh, heldShownAt: now.toISOString() }).catch((error: unknown) => {
      ctx.logger.warn({ err: error, id: m.id }, "could not mark a conversation's cards as turned; the next run updates them again");
    });
    turned++;
  }
  if (turned) ctx.logger.info({ event: "conversation.held", turned }, "invitations turned into held cards");
  return turned;
}

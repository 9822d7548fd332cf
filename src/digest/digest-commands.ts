import type { DigestDeps } from "./digest-deps";
import type { CommandHandler } from "../domain/handlers";
import { noticeCard } from "../cards/notice-card";
import type { AdaptiveCard } from "../cards/render-card";
import { withinTurn } from "../delivery/background";
import type { RunSummary } from "../delivery/delivery-state";
import { assertCoordinator } from "../domain/actor";
import type { Turn } from "../domain/conversation";
import { HubError } from "../domain/errors";
import { isoWeek } from "../domain/iso-week";
import { composeDigest } from "./compose-digest";
import { digestCard } from "./digest-card";
import { parseWeekArg, previousWeek } from "./digest-week";
import { correctDigest, digestRunKey, sendDigest } from "./send-digest";
import { showPrivately } from "./show-privately";

/** Words for a delivery pass's outcome, for the coordinator who asked. */
export function summaryCard(label: string, s: RunSummary): AdaptiveCard {
  if (s.outcome === "held-elsewhere") return noticeCard("Already being sent", `Another instance is sending ${label} right now; nothing was sent twice.`);
  if (s.outcome === "no-channels")
    return noticeCard("No DCS channels", "No channel is registered as a DCS channel yet: in the channel, type register this channel as dcs.", "Warning");
  if (s.outcome === "lease-lost") return noticeCard("Taken over", `Another instance took over sending ${label}.`, "Warning");
  const problems = s.failed + s.unknown + s.unfinished;
  const text =
    `${label[0]!.toUpperCase()}${label.slice(1)}: sent to ${s.sent} channel(s) now, ${s.alreadySent} already had it, ${s.failed} failed, ${s.unknown} unknown.` +
    (s.unfinished ? ` ${s.unfinished} could not be recorded because storage failed and are not sent yet: send again in a minute.` : "") +
    (s.failed + s.unknown ? " The coordinators' channel has the details." : "");
  return noticeCard(problems ? "Sent, with problems" : "Sent", text, problems ? "Warning" : "Good");
}

/** `digest preview [week]`: the week's digest, to the asker only (DCSs, leads and coordinators). */
export const digestPreview: CommandHandler<DigestDeps> = async (ctx: DigestDeps, turn: Turn, args: string) => {
  if (!turn.actor.roles.some((r) => r === "coordinator" || r === "dcs" || r === "lead")) {
    throw new HubError("forbidden", "The digest preview is for DCSs, borough leads and LIIA coordinators.");
  }
  const week = parseWeekArg(args, isoWeek(ctx.now()));
  const data = await composeDigest(ctx, week);
  const card = digestCard(data, { leadBorough: turn.actor.borough, note: "Preview: only you can see this. DCS channels get the digest on schedule." });
  return showPrivately(ctx, turn, card, "digest preview");
};

/** `digest send now [week]` (coordinators): sends the week's digest to every DCS channel that lacks it. */
export const digestSendNow: CommandHandler<DigestDeps> = async (ctx: DigestDeps, turn: Turn, args: string) => {
  assertCoordinator(turn.actor, "send the digest");
  const week = parseWeekArg(args, isoWeek(ctx.now()));
  const label = `the digest for ${week}`;
  const result = await withinTurn(ctx, sendDigest(ctx, week));
  if (!result.done) return noticeCard("Sending", `${label} is still going out; any problem will be reported in the coordinators' channel.`);
  return summaryCard(label, result.value);
};

/** `digest correct [week]` (coordinators): updates the digest cards already sent, in place. */
export const digestCorrect: CommandHandler<DigestDeps> = async (ctx: DigestDeps, turn: Turn, args: string) => {
  assertCoordinator(turn.actor, "correct the digest");
  const current = isoWeek(ctx.now());
  const store = ctx.runs;
  const fallback = (await store.content(digestRunKey(current))) !== undefined ? current : previousWeek(current);
  const week = parseWeekArg(args, fallback);
  const result = await withinTurn(ctx, correctDigest(ctx, week));
  if (!result.done) return noticeCard("Correcting", `The digest for ${week} is being updated in each channel.`);
  const s = result.value;
  if (s.outcome === "never-sent")
    return noticeCard("Nothing to correct", `The digest for ${week} has not been sent, so there is nothing to correct.`, "Warning");
  if (s.outcome === "held-elsewhere") return noticeCard("Busy", `The digest for ${week} is being sent right now: try again in a minute.`, "Warning");
  return noticeCard(
    "Corrected",
    `The digest for ${week} was updated in place in ${s.updated} channel(s)${s.failed ? `; ${s.failed} could not be updated` : ""}.`,
    s.failed ? "Warning" : "Good",
  );
};

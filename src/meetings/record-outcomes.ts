import type { MeetingsDeps } from "./meetings-deps";
import type { VerbHandler } from "../domain/handlers";
import { noticeCard } from "../cards/notice-card";
import { isCoordinator } from "../domain/actor";
import { boroughByCode, isBoroughCode } from "../domain/boroughs";
import type { Turn } from "../domain/conversation";
import { HubError } from "../domain/errors";
import type { MeetingVerbData } from "./meeting-verbs";
import { newId } from "../domain/ids";
import { brokenCharacterProblem, cutText, wellFormed } from "../domain/typed-text";
import { londonDay, londonLabel, parseDate } from "../domain/london-time";
import { MEETING_LIMITS, type FollowUpAction, type Meeting } from "./meeting";
import { ACTION_SLOTS, outcomesFormCard } from "./meeting-cards";
import { mayManage, meetingOf } from "./meeting-rights";
import { currentInvitation, refreshCopies } from "./refresh-copies";

async function managedHeldMeeting(ctx: MeetingsDeps, turn: Turn, data: { meetingId?: string }): Promise<Meeting> {
  const m = await meetingOf(ctx, data);
  if (!mayManage(turn.actor, m))
    throw new HubError("forbidden", "Only the lead who convened this conversation or an LIIA coordinator can record its outcomes.");
  if (m.status === "cancelled") throw new HubError("conflict", "This conversation was cancelled, so it has no outcomes to record.");
  if (new Date(m.startsAt).getTime() > ctx.now().getTime())
    throw new HubError("conflict", `Outcomes can be recorded once the conversation has taken place (${londonLabel(new Date(m.startsAt))}, London time).`);
  if (m.outcomesRecordedAt) throw new HubError("conflict", "The outcomes of this conversation are already recorded. Type leads to see the conversations.");
  return m;
}

/** After the date, the convener's form for outcomes, up to three actions and the peer-review flag. */
export const openOutcomes: VerbHandler<MeetingsDeps, MeetingVerbData<"convene.outcomes">> = async (ctx, turn, data) =>
  outcomesFormCard(await managedHeldMeeting(ctx, turn, data), ctx.now());

const text = (data: Record<string, unknown>, key: string) => (typeof data[key] === "string" ? (data[key] as string).trim() : "");

function readActions(m: Meeting, data: Record<string, unknown>, today: string, now: string): { actions: FollowUpAction[]; errors: string[] } {
  const actions: FollowUpAction[] = [];
  const errors: string[] = [];
  for (let i = 1; i <= ACTION_SLOTS; i++) {
    const what = text(data, `action${i}`);
    if (!what) continue;
    const owner = text(data, `owner${i}`);
    const due = text(data, `due${i}`);
    if (what.length > MEETING_LIMITS.actionText) errors.push(`Action ${i}: at most ${MEETING_LIMITS.actionText} characters.`);
    const broken = brokenCharacterProblem(`Action ${i}`, what);
    if (broken) errors.push(broken);
    if (!isBoroughCode(owner)) errors.push(`Action ${i}: choose the borough that owns it.`);
    if (!parseDate(due)) errors.push(`Action ${i}: choose a due date.`);
    else if (due < today) errors.push(`Action ${i}: the due date ${due} is in the past.`);
    actions.push({
      id: newId(),
      meetingId: m.id,
      meetingTopic: m.topic.slice(0, MEETING_LIMITS.topic),
      text: what,
      ownerBorough: owner,
      due,
      status: "open",
      remindedAt: "",
      overdueAt: "",
      createdAt: now,
    });
  }
  return { actions, errors };
}

export const recordOutcomes: VerbHandler<MeetingsDeps, MeetingVerbData<"convene.record">> = async (ctx, turn, data) => {
  const m = await managedHeldMeeting(ctx, turn, data);
  const outcomes = text(data, "outcomes");
  const now = ctx.now();
  const { actions, errors } = readActions(m, data, londonDay(now), now.toISOString());
  if (!outcomes) errors.unshift("Outcomes: say what came out of the conversation.");
  if (outcomes.length > MEETING_LIMITS.outcomes) errors.unshift(`Outcomes: at most ${MEETING_LIMITS.outcomes} characters.`);
  const broken = brokenCharacterProblem("Outcomes", outcomes);
  if (broken) errors.unshift(broken);
  if (errors.length) {
    const values: Record<string, string> = {};
    for (const k of ["outcomes", "peerReview", ...Array.from({ length: ACTION_SLOTS }, (_, i) => [`action${i + 1}`, `owner${i + 1}`, `due${i + 1}`]).flat()])
      values[k] = wellFormed(cutText(text(data, k), 3000));
    return outcomesFormCard(m, now, values, errors);
  }
  const updated = await ctx.meetings.update({
    ...m,
    outcomes,
    peerReview: text(data, "peerReview") === "true",
    outcomesRecordedAt: now.toISOString(),
    updatedAt: now.toISOString(),
  });
  await ctx.meetings.addActions(actions);
  ctx.logger.info({ event: "conversation.outcomes", id: m.id, actions: actions.length, peerReview: updated.peerReview }, "outcomes recorded");
  const card = await currentInvitation(ctx, updated, "Outcomes recorded. Owners are reminded before their actions fall due.");
  await refreshCopies(ctx, m.id, card);
  return card;
};

/** The owner borough's lead or deputy, or a coordinator, marks an action done. */
export const markActionDone: VerbHandler<MeetingsDeps, MeetingVerbData<"action.done">> = async (ctx, turn, data) => {
  const action = data.actionId !== undefined ? await ctx.meetings.getAction(data.actionId) : undefined;
  if (!action) throw new HubError("not-found", "This action is not known to the Hub.");
  const owns = turn.actor.roles.includes("lead") && turn.actor.borough === action.ownerBorough;
  if (!owns && !isCoordinator(turn.actor))
    throw new HubError(
      "forbidden",
      `Only ${boroughByCode(action.ownerBorough)?.name ?? "the owner borough"}'s lead or an LIIA coordinator can mark this action done.`,
    );
  // Pressed on the invitation card: the card stays the invitation, updated everywhere it was posted.
  const onInvitation = data.meetingId === action.meetingId;
  const invitation = async (note: string) => {
    const m = await ctx.meetings.get(action.meetingId);
    if (!m) return noticeCard("Action done", note, "Good");
    const card = await currentInvitation(ctx, m, note);
    await refreshCopies(ctx, m.id, card);
    return card;
  };
  if (action.status === "done")
    return onInvitation ? invitation("This action was already marked done.") : noticeCard("Already done", "This action was already marked done.");
  await ctx.meetings.updateAction({ ...action, status: "done" });
  // For the weekly digest; the key names the action, so a retried press writes one row.
  await ctx.feed.record({
    key: `action.done:${action.id}`,
    kind: "action.done",
    at: ctx.now().toISOString(),
    borough: action.ownerBorough,
    subjectId: action.id,
    title: action.text.slice(0, 150),
    data: { due: action.due, meetingId: action.meetingId },
  });
  return onInvitation ? invitation("Thank you: the action is marked done.") : noticeCard("Action done", "Thank you: the action is marked done.", "Good");
};

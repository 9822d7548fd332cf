import type { MeetingsDeps } from "./meetings-deps";
import type { CommandHandler, VerbHandler } from "../domain/handlers";
import type { AdaptiveCard } from "../cards/render-card";
import { BOROUGHS } from "../domain/boroughs";
import type { ConversationRef } from "../domain/conversation";
import type { Turn } from "../domain/conversation";
import { HubError } from "../domain/errors";
import { isSubmissionId, newId } from "../domain/ids";
import { brokenCharacterProblem, cutText, wellFormed } from "../domain/typed-text";
import { londonInstant, londonLabel } from "../domain/london-time";
import { MEETING_LIMITS, PROFORMAS_OFFERED, type Meeting } from "./meeting";
import { CONVENE_FIELDS, conveneFormCard, invitationCard } from "./meeting-cards";
import { mayConvene } from "./meeting-rights";
import type { MeetingVerbData } from "./meeting-verbs";
import { postCopies } from "./refresh-copies";
import { FORMATS, isTheme, themeTitle } from "./themes";

function requireConvener(turn: Turn): void {
  if (!mayConvene(turn.actor))
    throw new HubError("forbidden", "Only a confirmed borough lead or an LIIA coordinator can convene a cross-borough conversation.");
}

/** A proforma the convene card offers: id, title as stored, and its borough (GSS code). */
export interface OfferedProforma {
  id: string;
  title: string;
  borough: string;
}

/**
 * Proformas to discuss: the convener's own shared entries (in review or published), then published
 * entries from the library, newest first, at most PROFORMAS_OFFERED. Published entries of every consent
 * scope are offered: the invitation goes to East London's leads, whom even `east-london` consent
 * covers. One query per borough partition (status published) and one on the authored index.
 */
export async function proformasToDiscuss(ctx: Pick<MeetingsDeps, "proformas">, turn: Turn): Promise<OfferedProforma[]> {
  const [own, published] = await Promise.all([
    ctx.proformas.listByAuthor(turn.actor.id),
    Promise.all(BOROUGHS.map((b) => ctx.proformas.inBorough(b.code, { statuses: ["published"] }))).then((lists) => lists.flat()),
  ]);
  const offered = new Map<string, OfferedProforma>();
  for (const p of own) if (p.status !== "draft" && p.status !== "withdrawn") offered.set(p.id, { id: p.id, title: p.title, borough: p.borough });
  const newest = published.sort((a, b) => {
    const x = a.publishedAt || a.updatedAt;
    const y = b.publishedAt || b.updatedAt;
    return x < y ? 1 : x > y ? -1 : a.id < b.id ? 1 : -1;
  });
  for (const p of newest) {
    if (offered.size >= PROFORMAS_OFFERED) break;
    if (!offered.has(p.id)) offered.set(p.id, { id: p.id, title: p.title, borough: p.borough });
  }
  return [...offered.values()].slice(0, PROFORMAS_OFFERED);
}

/** `convene`: the convening card, with a server-made id so a double click stores one conversation. */
export const openConvene: CommandHandler<MeetingsDeps> = async (ctx, turn) => conveneFormWith(ctx, turn, {});

/**
 * The convening card with some fields filled in (a data headline starts a conversation on its
 * finding). Proformas are kept only where the form offers them; everything is checked again on submit.
 */
export async function conveneFormWith(
  ctx: Pick<MeetingsDeps, "proformas" | "now">,
  turn: Turn,
  values: { topic?: string; theme?: string; proformas?: readonly string[] },
): Promise<AdaptiveCard> {
  requireConvener(turn);
  const offered = await proformasToDiscuss(ctx, turn);
  const picked = (values.proformas ?? []).filter((id) => offered.some((p) => p.id === id)).slice(0, MEETING_LIMITS.proformas);
  const filled: Record<string, string> = {};
  if (values.topic) filled.topic = cutText(values.topic, MEETING_LIMITS.topic);
  if (values.theme && isTheme(values.theme)) filled.theme = values.theme;
  if (picked.length) filled.proformas = picked.join(",");
  return conveneFormCard({ meetingId: newId(ctx.now().getTime()), now: ctx.now(), proformas: offered, values: filled });
}

const text = (data: Record<string, unknown>, key: string) => (typeof data[key] === "string" ? (data[key] as string).trim() : "");

type MeetingInput = Pick<Meeting, "topic" | "theme" | "startsAt" | "format" | "place" | "proformas" | "proformaNote">;

function readInput(ctx: MeetingsDeps, data: Record<string, unknown>, offered: OfferedProforma[]): { input?: MeetingInput; errors: string[] } {
  const errors: string[] = [];
  const topic = text(data, "topic");
  if (!topic) errors.push("Topic is required.");
  if (topic.length > MEETING_LIMITS.topic) errors.push(`Topic: at most ${MEETING_LIMITS.topic} characters.`);
  const theme = text(data, "theme");
  if (!isTheme(theme)) errors.push("Theme: choose one of the outcome areas or pan-London priorities.");
  const start = londonInstant(data.date, data.time);
  if (!start) errors.push("Date and time: choose a date and a start time.");
  else if (start.getTime() <= ctx.now().getTime()) errors.push(`Date and time: ${londonLabel(start)} is in the past. Choose a time still to come.`);
  const format = text(data, "format");
  if (!FORMATS.some((f) => f.value === format)) errors.push("Format: choose online, in person or hybrid.");
  const place = text(data, "place");
  if (place.length > MEETING_LIMITS.place) errors.push(`Place or link: at most ${MEETING_LIMITS.place} characters.`);
  const proformaNote = text(data, "proformaNote");
  if (proformaNote.length > MEETING_LIMITS.proformaNote) errors.push(`Other proformas: at most ${MEETING_LIMITS.proformaNote} characters.`);
  for (const [label, value] of [
    ["Topic", topic],
    ["Place or link", place],
    ["Other proformas", proformaNote],
  ] as const) {
    const broken = brokenCharacterProblem(label, value);
    if (broken) errors.push(broken);
  }
  // Only ids the server offered count; titles and boroughs come from storage, never from the card.
  const picked = [
    ...new Set(
      text(data, "proformas")
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
  const proformas = offered.filter((p) => picked.includes(p.id));
  if (proformas.length !== picked.length) errors.push("Proformas: choose from the list; name others in the box below.");
  else if (proformas.length > MEETING_LIMITS.proformas) errors.push(`Proformas: choose at most ${MEETING_LIMITS.proformas}; name others in the box below.`);
  if (errors.length || !start) return { errors };
  return { input: { topic, theme, startsAt: start.toISOString().replace(/\.\d{3}Z$/, "Z"), format, place, proformas, proformaNote }, errors };
}

/** Where the invitation goes: the leads' channels, and every current lead and deputy one-to-one. */
async function invitationTargets(ctx: MeetingsDeps): Promise<ConversationRef[]> {
  const refs: ConversationRef[] = (await ctx.notifier.channelsWithRole("leads")).map((c) => c.ref);
  const people = (await Promise.all(BOROUGHS.map((b) => ctx.leaders.leadersOf(b.code)))).flat();
  for (const p of new Map(people.map((t) => [t.objectId, t])).values()) {
    const chat = await ctx.channels.personalChat(p.tenantId, p.objectId);
    if (chat) refs.push(chat.ref);
  }
  return refs;
}

function formAgain(ctx: MeetingsDeps, data: Record<string, unknown>, meetingId: string, offered: OfferedProforma[], errors: string[]): AdaptiveCard {
  const values: Record<string, string> = {};
  for (const f of CONVENE_FIELDS) values[f] = wellFormed(cutText(text(data, f), 1000));
  return conveneFormCard({ meetingId: isSubmissionId(meetingId) ? meetingId : newId(ctx.now().getTime()), now: ctx.now(), proformas: offered, values, errors });
}

export const submitConvene: VerbHandler<MeetingsDeps, MeetingVerbData<"convene.submit">> = async (ctx, turn, data) => {
  requireConvener(turn);
  const { meetingId } = data;
  const offered = await proformasToDiscuss(ctx, turn);
  const { input, errors } = readInput(ctx, data, offered);
  if (!isSubmissionId(meetingId)) errors.push("This card has expired: the form below is fresh, please send it again.");
  if (!input || errors.length) return formAgain(ctx, data, meetingId, offered, errors);

  const now = ctx.now().toISOString();
  const meeting: Meeting = {
    id: meetingId,
    ...input,
    convenerId: turn.actor.id,
    convenerTenantId: turn.actor.tenantId,
    convenerName: turn.actor.name,
    convenerBorough: turn.actor.borough ?? "",
    status: "scheduled",
    outcomes: "",
    outcomesRecordedAt: "",
    peerReview: false,
    createdAt: now,
    updatedAt: now,
  };
  const { created, meeting: stored } = await ctx.meetings.create(meeting);
  if (!created)
    return invitationCard(stored, await ctx.meetings.rsvps(stored.id), [], ctx.now(), "This conversation was already convened; the invitation went out once.");
  await ctx.feed.record({
    key: `conversation.convened:${stored.id}`,
    kind: "conversation.convened",
    at: now,
    borough: stored.convenerBorough || undefined,
    subjectId: stored.id,
    title: stored.topic.slice(0, 150),
    data: { startsAt: stored.startsAt, theme: themeTitle(stored.theme) },
  });
  ctx.logger.info({ event: "conversation.convened", id: stored.id, startsAt: stored.startsAt }, "cross-borough conversation convened");
  const card = invitationCard(stored, [], [], ctx.now());
  const posted = await postCopies(ctx, stored.id, await invitationTargets(ctx), card);
  return invitationCard(
    stored,
    [],
    [],
    ctx.now(),
    `The invitation was posted to ${posted} conversation${posted === 1 ? "" : "s"} (the leads' channel and each lead one-to-one).`,
  );
};

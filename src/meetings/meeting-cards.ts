import { inert } from "../cards/inert-text";
import { renderCard, type AdaptiveCard } from "../cards/render-card";
import { BOROUGHS, boroughByCode } from "../domain/boroughs";
import { londonDay, londonLabel } from "../domain/london-time";
import { ACTION_SLOTS, MEETING_LIMITS, PROFORMAS_OFFERED, type FollowUpAction, type Meeting, type Rsvp } from "./meeting";
import { FORMATS, THEMES, themeTitle } from "./themes";
import type { MeetingVerb } from "./meeting-verbs";

const boroughLabel = (code: string) => boroughByCode(code)?.name ?? (code ? code : "LIIA");

/** Data bound to cards/convene-form.json. */
export interface ConveneFormData {
  meetingId: string;
  today: string;
  themes: { value: string; title: string }[];
  formats: { value: string; title: string }[];
  proformas: { id: string; title: string }[];
  values: Record<string, string>;
  errors: { message: string }[];
  limits: typeof MEETING_LIMITS;
}

export const CONVENE_FIELDS = ["topic", "theme", "date", "time", "format", "place", "proformas", "proformaNote"];

/** A choice's title: the proforma's title (shortened past this many characters) and its borough. */
const CHOICE_TITLE = 100;

function proformaLabel(p: { title: string; borough?: string }, max = Infinity): string {
  const title = p.title.length > max ? `${p.title.slice(0, max - 1)}…` : p.title;
  return p.borough ? `${title} (${boroughLabel(p.borough)})` : title;
}

export function conveneFormCard(options: {
  meetingId: string;
  now: Date;
  proformas: { id: string; title: string; borough?: string }[];
  values?: Record<string, string>;
  errors?: string[];
}): AdaptiveCard {
  const values: Record<string, string> = { format: "online" };
  for (const f of CONVENE_FIELDS) values[f] = options.values?.[f] ?? values[f] ?? "";
  return renderCard<ConveneFormData>("convene-form", {
    meetingId: options.meetingId,
    today: londonDay(options.now),
    themes: [...THEMES],
    formats: [...FORMATS],
    proformas: options.proformas.slice(0, PROFORMAS_OFFERED).map((p) => ({ id: p.id, title: inert(proformaLabel(p, CHOICE_TITLE)) })),
    values,
    errors: (options.errors ?? []).map((message) => ({ message })),
    limits: MEETING_LIMITS,
  });
}

/** Data bound to cards/convene-invitation.json. */
export interface InvitationData {
  heading: string;
  headingColor: string;
  meetingId: string;
  topic: string;
  londonTime: string;
  format: string;
  theme: string;
  place: string;
  convenerName: string;
  proformas: string;
  peerReview: boolean;
  counts: { yes: number; maybe: number; no: number };
  byBorough: { borough: string; names: string }[];
  outcomes: string;
  actions: { id: string; text: string; owner: string; due: string; state: string }[];
  note: string;
  buttons: { title: string; verb: MeetingVerb; answer: string }[];
}

/** Who is coming, per borough: names of those who said yes, then maybe. */
function attendance(rsvps: Rsvp[]): InvitationData["byBorough"] {
  const coming = rsvps.filter((r) => r.answer !== "no");
  const boroughs = [...new Set(coming.map((r) => r.borough))].sort((a, b) => boroughLabel(a).localeCompare(boroughLabel(b)));
  return boroughs.map((b) => ({
    borough: boroughLabel(b),
    names: inert(
      coming
        .filter((r) => r.borough === b)
        .sort((x, y) => (x.answer === y.answer ? 0 : x.answer === "yes" ? -1 : 1))
        .map((r) => `${r.name || "Someone"}${r.answer === "maybe" ? " (maybe)" : ""}`)
        .join(", "),
    ),
  }));
}

function actionState(a: FollowUpAction, now: Date): string {
  if (a.status === "done") return "done";
  return a.due < londonDay(now) ? "overdue" : "open";
}

export function invitationCard(m: Meeting, rsvps: Rsvp[], actions: FollowUpAction[], now: Date, note = ""): AdaptiveCard {
  const start = new Date(m.startsAt);
  const cancelled = m.status === "cancelled";
  const past = start.getTime() <= now.getTime();
  const buttons: InvitationData["buttons"] = [];
  if (!cancelled && !past)
    buttons.push(
      { title: "Yes, I'll come", verb: "convene.rsvp", answer: "yes" },
      { title: "Maybe", verb: "convene.rsvp", answer: "maybe" },
      { title: "No", verb: "convene.rsvp", answer: "no" },
    );
  if (!cancelled && past && !m.outcomesRecordedAt) buttons.push({ title: "Record outcomes", verb: "convene.outcomes", answer: "" });
  if (!cancelled && !past) buttons.push({ title: "Cancel conversation", verb: "convene.cancel", answer: "" });
  return renderCard<InvitationData>("convene-invitation", {
    heading: cancelled
      ? "Cancelled: this conversation will not take place"
      : past
        ? "Cross-borough conversation (held)"
        : "You are invited to a cross-borough conversation",
    headingColor: cancelled ? "Attention" : "Default",
    meetingId: m.id,
    topic: inert(m.topic),
    londonTime: londonLabel(start),
    format: FORMATS.find((f) => f.value === m.format)?.title ?? m.format,
    theme: themeTitle(m.theme),
    place: inert(m.place),
    convenerName: inert(m.convenerName || "a lead"),
    proformas: inert([...m.proformas.map((p) => proformaLabel(p)), m.proformaNote].filter(Boolean).join("; ")),
    peerReview: m.peerReview,
    counts: {
      yes: rsvps.filter((r) => r.answer === "yes").length,
      maybe: rsvps.filter((r) => r.answer === "maybe").length,
      no: rsvps.filter((r) => r.answer === "no").length,
    },
    byBorough: attendance(rsvps),
    outcomes: inert(m.outcomes),
    actions: actions.slice(0, 20).map((a) => ({ id: a.id, text: inert(a.text), owner: boroughLabel(a.ownerBorough), due: a.due, state: actionState(a, now) })),
    note,
    buttons,
  });
}

/** Data bound to cards/convene-outcomes.json: three action slots. */
export interface OutcomesFormData {
  meetingId: string;
  topic: string;
  today: string;
  boroughs: { code: string; name: string }[];
  values: { outcomes: string; peerReview: string };
  slots: { n: number; textId: string; ownerId: string; dueId: string; text: string; owner: string; due: string; limit: number }[];
  errors: { message: string }[];
  limits: typeof MEETING_LIMITS;
}

export { ACTION_SLOTS };

export function outcomesFormCard(m: Meeting, now: Date, values: Record<string, string> = {}, errors: string[] = []): AdaptiveCard {
  return renderCard<OutcomesFormData>("convene-outcomes", {
    meetingId: m.id,
    topic: inert(m.topic),
    today: londonDay(now),
    boroughs: BOROUGHS.map((b) => ({ code: b.code, name: b.name })),
    values: { outcomes: values.outcomes ?? "", peerReview: values.peerReview ?? "false" },
    slots: Array.from({ length: ACTION_SLOTS }, (_, i) => ({
      n: i + 1,
      textId: `action${i + 1}`,
      ownerId: `owner${i + 1}`,
      dueId: `due${i + 1}`,
      text: values[`action${i + 1}`] ?? "",
      owner: values[`owner${i + 1}`] ?? "",
      due: values[`due${i + 1}`] ?? "",
      limit: MEETING_LIMITS.actionText,
    })),
    errors: errors.map((message) => ({ message })),
    limits: MEETING_LIMITS,
  });
}

/** Data bound to cards/convene-reminder.json. */
export interface ReminderData {
  heading: string;
  color: string;
  actionId: string;
  text: string;
  topic: string;
  owner: string;
  due: string;
}

export function reminderCard(a: FollowUpAction, overdue: boolean): AdaptiveCard {
  return renderCard<ReminderData>("convene-reminder", {
    heading: overdue ? "An action is overdue" : "An action falls due soon",
    color: overdue ? "Attention" : "Default",
    actionId: a.id,
    text: inert(a.text),
    topic: inert(a.meetingTopic),
    owner: boroughLabel(a.ownerBorough),
    due: a.due,
  });
}

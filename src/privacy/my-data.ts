import type { AppContext, CommandHandler } from "../app-context";
import { inert } from "../cards/inert-text";
import { renderCard, type AdaptiveCard } from "../cards/render-card";
import { boroughByCode } from "../domain/boroughs";
import { kindTitle } from "../nominations/nomination";

/** Data bound to cards/my-data.json: one section per kind of record, each line plain text. */
export interface MyDataCardData {
  objectId: string;
  sections: { title: string; lines: { line: string }[] }[];
}

const borough = (code: string) => boroughByCode(code)?.name ?? (code || "no borough");
const day = (iso: string) => iso.slice(0, 10);

/** At most this many lines per section, then a line saying how many more (the card stays small). */
const SECTION_LINES = 25;

function capped(items: string[]): string[] {
  return items.length <= SECTION_LINES ? items : [...items.slice(0, SECTION_LINES), `… and ${items.length - SECTION_LINES} more`];
}

/**
 * Everything the Hub holds about one person: leads, nominations, conversations, proformas (theirs and
 * the versions they saved) and the audit trail.
 */
export async function personalData(ctx: AppContext, tenantId: string, objectId: string): Promise<MyDataCardData> {
  const [person, nominations, terms, rsvps, convened, chat, authored, versions, audit, rounds] = await Promise.all([
    ctx.people.get(tenantId, objectId),
    ctx.nominations.involving(objectId),
    ctx.leads.heldBy(objectId),
    ctx.meetings.rsvpsOf(objectId),
    ctx.meetings.convenedBy(objectId),
    ctx.channels.personalChat(tenantId, objectId),
    ctx.proformas.listByAuthor(objectId),
    ctx.proformas.versionsBy(objectId),
    ctx.audit.about(objectId),
    ctx.circulations.openedBy(objectId),
  ]);
  const topics = new Map((await Promise.all(rsvps.map((r) => ctx.meetings.get(r.meetingId)))).flatMap((m) => (m ? [[m.id, m.topic] as const] : [])));
  const lines = (items: string[]) => capped(items).map((line) => ({ line: inert(line) }));
  return {
    objectId,
    sections: [
      {
        title: "Your record",
        lines: lines(
          person
            ? [`Name: ${person.name}`, `Job title: ${person.jobTitle || "none"}`, `Borough: ${borough(person.borough)}`, `Roles: ${person.roles.join(", ")}`]
            : [],
        ),
      },
      {
        title: "Nominations",
        lines: lines(
          nominations.map(
            (n) =>
              `${n.nomineeId === objectId ? "You were nominated" : n.nominatedById === objectId ? `You nominated ${n.nomineeName || "someone"}` : `You decided on the nomination of ${n.nomineeName || "someone"}`} as ${borough(n.borough)}'s ${kindTitle(n.kind)} on ${day(n.createdAt)}: ${n.status}`,
          ),
        ),
      },
      {
        title: "Lead and deputy terms",
        lines: lines(
          terms.map(
            (t) =>
              `${borough(t.borough)} ${kindTitle(t.kind)} since ${day(t.since)}${t.until ? ` until ${day(t.until)}` : ""}, job title ${t.jobTitle || "none"}`,
          ),
        ),
      },
      { title: "Conversations you convened", lines: lines(convened.map((m) => `${m.topic} (${day(m.startsAt)}, ${m.status})`)) },
      { title: "Your answers to invitations", lines: lines(rsvps.map((r) => `${topics.get(r.meetingId) ?? "A conversation"}: ${r.answer}`)) },
      {
        title: "Proformas you wrote (drafts included)",
        lines: lines(authored.map((p) => `${p.title || "Untitled"} (${borough(p.borough)}, ${p.status}, last saved ${day(p.updatedAt)})`)),
      },
      { title: "Circulation rounds you opened", lines: lines(rounds.map((r) => `Round opened ${day(r.openedAt)}, deadline ${r.deadline}`)) },
      {
        title: "Proforma versions you saved",
        lines: lines(
          versions.map((v) => `${v.title || "Untitled"}: ${v.action === "draft" ? "draft save" : `version ${v.version}, ${v.action}`} on ${day(v.at)}`),
        ),
      },
      {
        title: "Audit lines about you",
        lines: lines(
          audit.map(
            (a) =>
              `${day(a.at)} ${a.action}${a.outcome === "refused" && a.action !== "refused" ? " (refused)" : ""}${a.actorId === objectId ? " by you" : " about you"}${a.detail ? `: ${a.detail}` : ""}`,
          ),
        ),
      },
      {
        title: "Your chat with the bot",
        lines: lines(chat ? [`The address of your one-to-one chat, kept so the bot can send you cards (last seen ${day(chat.updatedAt)})`] : []),
      },
    ],
  };
}

export function myDataCard(data: MyDataCardData): AdaptiveCard {
  return renderCard<MyDataCardData>("my-data", data);
}

/** `my data`: a person sees everything held about them. */
export const showMyData: CommandHandler = async (ctx, turn) => myDataCard(await personalData(ctx, turn.actor.tenantId, turn.actor.id));

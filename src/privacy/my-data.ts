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

/** Everything the leads, nominations and convening features hold about one person. */
export async function personalData(ctx: AppContext, tenantId: string, objectId: string): Promise<MyDataCardData> {
  const [person, nominations, terms, rsvps, convened, chat] = await Promise.all([
    ctx.people.get(tenantId, objectId),
    ctx.nominations.involving(objectId),
    ctx.leads.heldBy(objectId),
    ctx.meetings.rsvpsOf(objectId),
    ctx.meetings.convenedBy(objectId),
    ctx.channels.personalChat(tenantId, objectId),
  ]);
  const topics = new Map((await Promise.all(rsvps.map((r) => ctx.meetings.get(r.meetingId)))).flatMap((m) => (m ? [[m.id, m.topic] as const] : [])));
  const lines = (items: string[]) => items.map((line) => ({ line: inert(line) }));
  return {
    objectId,
    sections: [
      { title: "Your record", lines: lines(person ? [`Name: ${person.name}`, `Job title: ${person.jobTitle || "none"}`, `Borough: ${borough(person.borough)}`, `Roles: ${person.roles.join(", ")}`] : []) },
      {
        title: "Nominations",
        lines: lines(nominations.map((n) => `${n.nomineeId === objectId ? "You were nominated" : `You nominated ${n.nomineeName || "someone"}`} as ${borough(n.borough)}'s ${kindTitle(n.kind)} on ${day(n.createdAt)}: ${n.status}`)),
      },
      { title: "Lead and deputy terms", lines: lines(terms.map((t) => `${borough(t.borough)} ${kindTitle(t.kind)} since ${day(t.since)}${t.until ? ` until ${day(t.until)}` : ""}, job title ${t.jobTitle || "none"}`)) },
      { title: "Conversations you convened", lines: lines(convened.map((m) => `${m.topic} (${day(m.startsAt)}, ${m.status})`)) },
      { title: "Your answers to invitations", lines: lines(rsvps.map((r) => `${topics.get(r.meetingId) ?? "A conversation"}: ${r.answer}`)) },
      { title: "Your chat with the bot", lines: lines(chat ? [`The address of your one-to-one chat, kept so the bot can send you cards (last seen ${day(chat.updatedAt)})`] : []) },
    ],
  };
}

export function myDataCard(data: MyDataCardData): AdaptiveCard {
  return renderCard<MyDataCardData>("my-data", data);
}

/** `my data`: a person sees everything held about them. */
export const showMyData: CommandHandler = async (ctx, turn) => myDataCard(await personalData(ctx, turn.actor.tenantId, turn.actor.id));

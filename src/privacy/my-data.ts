import type { PrivacyDeps } from "./privacy-deps";
import type { z } from "zod";
import type { CommandHandler, VerbHandler } from "../domain/handlers";
import { bindVerbs } from "../domain/verbs";
import { PRIVACY_VERB_DATA } from "./privacy-verbs";
import { inert } from "../cards/inert-text";
import { pageToFit } from "../cards/page-to-fit";
import { renderCard, type AdaptiveCard } from "../cards/render-card";
import type { Turn } from "../domain/conversation";
import { boroughByCode } from "../domain/boroughs";
import { kindTitle } from "../nominations/nomination";
import { myDataDownloadUrl } from "./download-address";
import { FEEDBACK_LABELS } from "../digest/feedback-store";

/** One kind of record held about a person, its lines newest first, as plain text (not yet inert). */
export interface PersonalSection {
  title: string;
  lines: string[];
}

/** Everything held about a person, for the card and the file alike. */
export interface PersonalData {
  objectId: string;
  sections: PersonalSection[];
}

/** Data bound to cards/my-data.json: one page of the sections, each line plain text. */
export interface MyDataCardData {
  objectId: string;
  range: string;
  sections: { title: string; lines: { line: string }[] }[];
  more: { verb: "mydata.more"; offset: number } | null;
  download: { url: string; until: string } | null;
  downloadNote: string;
}

const borough = (code: string) => boroughByCode(code)?.name ?? (code || "no borough");
const day = (iso: string) => iso.slice(0, 10);

/** Lines on one page of the card, fewer when long titles make them heavy. */
export const MY_DATA_PAGE_LINES = 40;

function newestFirst<T>(items: readonly T[], at: (item: T) => string): T[] {
  return [...items].sort((a, b) => (at(a) < at(b) ? 1 : at(a) > at(b) ? -1 : 0));
}

/**
 * Everything the Hub holds about one person: leads, nominations, conversations, proformas (theirs and
 * the versions they saved) and the audit trail; every line, each section newest first.
 */
export async function personalData(ctx: PrivacyDeps, tenantId: string, objectId: string): Promise<PersonalData> {
  const [person, nominations, terms, rsvps, convened, chat, authored, versions, audit, rounds, presses] = await Promise.all([
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
    ctx.feedback.byPerson(objectId),
  ]);
  const topics = new Map((await Promise.all(rsvps.map((r) => ctx.meetings.get(r.meetingId)))).flatMap((m) => (m ? [[m.id, m.topic] as const] : [])));
  return {
    objectId,
    sections: [
      {
        title: "Your record",
        lines: person
          ? [`Name: ${person.name}`, `Job title: ${person.jobTitle || "none"}`, `Borough: ${borough(person.borough)}`, `Roles: ${person.roles.join(", ")}`]
          : [],
      },
      {
        title: "Nominations",
        lines: newestFirst(nominations, (n) => n.createdAt).map(
          (n) =>
            `${n.nomineeId === objectId ? "You were nominated" : n.nominatedById === objectId ? `You nominated ${n.nomineeName || "someone"}` : `You decided on the nomination of ${n.nomineeName || "someone"}`} as ${borough(n.borough)}'s ${kindTitle(n.kind)} on ${day(n.createdAt)}: ${n.status}`,
        ),
      },
      {
        title: "Lead and deputy terms",
        lines: newestFirst(terms, (t) => t.since).map(
          (t) =>
            `${borough(t.borough)} ${kindTitle(t.kind)} since ${day(t.since)}${t.until ? ` until ${day(t.until)}` : ""}, job title ${t.jobTitle || "none"}`,
        ),
      },
      { title: "Conversations you convened", lines: newestFirst(convened, (m) => m.startsAt).map((m) => `${m.topic} (${day(m.startsAt)}, ${m.status})`) },
      {
        title: "Your answers to invitations",
        lines: newestFirst(rsvps, (r) => r.at).map((r) => `${topics.get(r.meetingId) ?? "A conversation"}: ${r.answer} (${day(r.at)})`),
      },
      {
        title: "Proformas you wrote (drafts included)",
        lines: newestFirst(authored, (p) => p.updatedAt).map(
          (p) => `${p.title || "Untitled"} (${borough(p.borough)}, ${p.status}, last saved ${day(p.updatedAt)})`,
        ),
      },
      {
        title: "Circulation rounds you opened",
        lines: newestFirst(rounds, (r) => r.openedAt).map((r) => `Round opened ${day(r.openedAt)}, deadline ${r.deadline}`),
      },
      {
        title: "Digest buttons you pressed",
        lines: newestFirst(presses, (p) => p.at).map((p) => `Digest for ${p.week}: ${FEEDBACK_LABELS[p.kind]} (${day(p.at)})`),
      },
      {
        title: "Proforma versions you saved",
        lines: newestFirst(versions, (v) => v.at).map(
          (v) => `${v.title || "Untitled"}: ${v.action === "draft" ? "draft save" : `version ${v.version}, ${v.action}`} on ${day(v.at)}`,
        ),
      },
      {
        title: "Audit lines about you",
        lines: newestFirst(audit, (a) => a.at).map(
          (a) =>
            `${day(a.at)} ${a.action}${a.outcome === "refused" && a.action !== "refused" ? " (refused)" : ""}${a.actorId === objectId ? " by you" : " about you"}${a.detail ? `: ${a.detail}` : ""}`,
        ),
      },
      {
        title: "Your chat with the bot",
        lines: chat ? [`The address of your one-to-one chat, kept so the bot can send you cards (last seen ${day(chat.updatedAt)})`] : [],
      },
    ],
  };
}

/** The sections' lines in one list (an empty section is one item saying so), so pages can cut anywhere. */
function itemsOf(data: PersonalData): { section: number; line?: string }[] {
  return data.sections.flatMap((s, section) => (s.lines.length ? s.lines.map((line) => ({ section, line })) : [{ section }]));
}

/**
 * One page of `my data` from `offset`: as many lines as fit in a card, grouped by section, with a
 * "more" button while lines remain. When everything does not fit on one card the page also offers the
 * whole as a file (`download`, made only for a one-to-one chat).
 */
export function myDataCard(data: PersonalData, offset = 0, download: MyDataCardData["download"] = null, downloadNote = ""): AdaptiveCard {
  const items = itemsOf(data);
  const start = Math.min(Math.max(0, offset), items.length);
  const rest = items.slice(start);
  const lineCount = items.filter((i) => i.line !== undefined).length;
  return pageToFit(rest, MY_DATA_PAGE_LINES, (page, n) => {
    const sections: MyDataCardData["sections"] = [];
    for (const item of page) {
      const title = data.sections[item.section]!.title;
      let last = sections[sections.length - 1];
      if (!last || last.title !== title) sections.push((last = { title, lines: [] }));
      if (item.line !== undefined) last.lines.push({ line: inert(item.line) });
    }
    const whole = start === 0 && n === items.length;
    return renderCard<MyDataCardData>("my-data", {
      objectId: data.objectId,
      range: whole ? "" : `Newest first within each kind of record: items ${start + 1} to ${start + n} of ${items.length} (${lineCount} lines in all).`,
      sections,
      more: start + n < items.length ? { verb: "mydata.more", offset: start + n } : null,
      download: whole ? null : download,
      downloadNote: whole ? "" : downloadNote,
    });
  }).card;
}

/** The address offered on a card that cannot show everything at once; only in a one-to-one chat. */
async function downloadFor(ctx: PrivacyDeps, turn: Turn): Promise<{ download: MyDataCardData["download"]; note: string }> {
  if (turn.conversation.conversationType !== "personal")
    return { download: null, note: "To download everything as a file, type my data in your one-to-one chat with the bot: the address is shown only there." };
  const link = await ctx.downloads.create({ objectId: turn.actor.id, tenantId: turn.actor.tenantId }, ctx.now());
  return {
    download: { url: myDataDownloadUrl(ctx.config, link.token), until: link.expiresAt.slice(11, 16) },
    note: "Everything in one file (JSON): the address works for you for ten minutes; do not share it.",
  };
}

async function myDataPage(ctx: PrivacyDeps, turn: Turn, offset: number): Promise<AdaptiveCard> {
  const data = await personalData(ctx, turn.actor.tenantId, turn.actor.id);
  const card = myDataCard(data, offset);
  // Everything fits on this one card: nothing to download.
  if (offset === 0 && !JSON.stringify(card.actions ?? []).includes("mydata.more")) return card;
  const { download, note } = await downloadFor(ctx, turn);
  return myDataCard(data, offset, download, note);
}

/** `my data`: a person sees everything held about them, a page at a time, and can take it all as a file. */
export const showMyData: CommandHandler<PrivacyDeps> = async (ctx, turn) => myDataPage(ctx, turn, 0);

/** The `my data` card's "more" button: the next page. Always the asker's own data, whatever the card says. */
export const moreMyData: VerbHandler<PrivacyDeps, z.output<(typeof PRIVACY_VERB_DATA)["mydata.more"]>> = async (ctx, turn, { offset }) =>
  myDataPage(ctx, turn, offset);

/** The my data card's verbs, each given its data as its schema parsed it. */
export const PRIVACY_VERBS = bindVerbs<PrivacyDeps, typeof PRIVACY_VERB_DATA>(PRIVACY_VERB_DATA, { "mydata.more": moreMyData });

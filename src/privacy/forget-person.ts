import type { PrivacyDeps } from "./privacy-deps";
import type { CommandHandler } from "../domain/handlers";
import { noticeCard } from "../cards/notice-card";
import { isCoordinator } from "../domain/actor";
import { HubError } from "../domain/errors";
import { newId } from "../domain/ids";
import { isObjectId } from "../nominations/nomination";
import { recordAudit } from "../audit/record-audit";

/** What an erasure changed: the counts stay, the person goes. */
export interface ErasureReport {
  people: number;
  nominations: number;
  terms: number;
  answers: number;
  convened: number;
  chats: number;
  /** Proformas they wrote: kept (the borough owns the practice entry), author made anonymous. */
  proformas: number;
  /** Version rows they saved, or that named them as lead contact: kept, made anonymous. */
  versions: number;
  /** Activity-feed rows they caused: kept, their id blanked. */
  feed: number;
  /** Audit lines they acted in or that were about them: kept as anonymous lines. */
  audit: number;
  /** Circulation rounds they opened: kept, opener made anonymous. */
  rounds: number;
  /** Digest buttons they pressed (Useful, Discuss, Show the numbers): deleted. */
  presses: number;
}

/** What an erased author becomes on the proformas, versions and audit lines they leave behind. */
export const FORMER_STAFF = "former member of staff";

/**
 * Erases a person from everything the Hub holds: their people rows and chat addresses are deleted;
 * nominations, lead terms, answers and conversations they took part in stay as anonymous rows so the
 * counts still add up; a current lead's post becomes vacant. Proformas they wrote stay (the borough
 * owns the practice entry) with the author shown as "former member of staff"; their versions, feed
 * rows and audit lines stay without their id or name.
 */
export async function erasePerson(ctx: PrivacyDeps, objectId: string): Promise<ErasureReport> {
  const now = ctx.now().toISOString();
  const report: ErasureReport = {
    people: 0,
    nominations: 0,
    terms: 0,
    answers: 0,
    convened: 0,
    chats: 0,
    proformas: 0,
    versions: 0,
    feed: 0,
    audit: 0,
    rounds: 0,
    presses: 0,
  };
  const rows = (await ctx.people.list()).filter((p) => p.objectId === objectId);
  // The names the person went by, to take them out of lead contacts and audit details as well.
  const names = new Set(rows.map((p) => p.name));

  for (const n of await ctx.nominations.involving(objectId)) {
    const asNominee = n.nomineeId === objectId;
    const asNominator = n.nominatedById === objectId;
    if (asNominee) names.add(n.nomineeName);
    if (asNominator) names.add(n.nominatedByName);
    await ctx.nominations.update({
      ...n,
      ...(asNominee ? { nomineeId: "", nomineeName: "", nomineeJobTitle: "", nomineeTenantId: "", reason: "" } : {}),
      ...(asNominator ? { nominatedById: "", nominatedByName: "" } : {}),
      ...(n.decidedById === objectId ? { decidedById: "" } : {}),
    });
    report.nominations++;
  }
  for (const t of await ctx.leads.heldBy(objectId)) {
    names.add(t.name);
    const anonymous = { ...t, objectId: "", tenantId: "", name: "", jobTitle: "" };
    if (!t.until) await ctx.leads.end(anonymous, now);
    else await ctx.leads.rewrite(anonymous);
    report.terms++;
  }
  // Terms the person confirmed (as DCS or coordinator) keep everything but who confirmed them.
  for (const t of await ctx.leads.confirmedBy(objectId)) {
    if (t.objectId === objectId) continue;
    await ctx.leads.rewrite({ ...t, confirmedById: "" });
    report.terms++;
  }
  for (const r of await ctx.meetings.rsvpsOf(objectId)) {
    names.add(r.name);
    await ctx.meetings.anonymiseRsvp(r, `erased-${newId()}`);
    report.answers++;
  }
  for (const m of await ctx.meetings.convenedBy(objectId)) {
    names.add(m.convenerName);
    await ctx.meetings.update({ ...m, convenerId: "", convenerName: "", convenerTenantId: "" });
    report.convened++;
  }

  // Proformas: the authored index names their entries (one partition); read each for the name shown.
  for (const entry of await ctx.proformas.listByAuthor(objectId)) {
    const p = await ctx.proformas.get(entry.borough, entry.id);
    if (p?.authorId === objectId) names.add(p.authorName);
  }
  const known = [...names].map((n) => n.trim()).filter((n) => n.length > 1);
  const authored = await ctx.proformas.forgetAuthor(objectId, FORMER_STAFF, known);
  report.proformas = authored.proformas;
  report.versions = authored.versions + (await ctx.proformas.forgetVersionActor(objectId, FORMER_STAFF));
  report.feed = await ctx.feed.forgetActor(objectId);
  report.audit = await ctx.audit.forgetPerson(objectId, FORMER_STAFF, known);
  report.rounds = await ctx.circulations.forgetOpener(objectId, FORMER_STAFF);
  report.presses = await ctx.feedback.forgetPerson(objectId);

  for (const p of rows) if (await ctx.people.remove(p.tenantId, p.objectId)) report.people++;
  const chats = await ctx.channels.forgetPersonalChats(objectId);
  if (chats.length) {
    // The copies of invitations posted in those chats keep their address: forget them too.
    const meetings = await ctx.meetings.between("2000-01-01T00:00:00Z", "9999-12-31T00:00:00Z");
    for (const chat of chats) for (const m of meetings) await ctx.meetings.removePosted(m.id, chat.ref.conversationId);
  }
  report.chats = chats.length;
  await ctx.downloads.forgetPerson(objectId);
  return report;
}

/** `forget <object id>` (coordinators): erases a person, leaving anonymous counts. */
export const forgetPerson: CommandHandler<PrivacyDeps> = async (ctx: PrivacyDeps, turn, args) => {
  if (!isCoordinator(turn.actor)) throw new HubError("forbidden", "Only an LIIA coordinator can erase a person.");
  const objectId = args.trim().toLowerCase();
  if (!isObjectId(objectId))
    throw new HubError("invalid-input", "Say whom to erase by their Entra object id, for example: forget 00000000-0000-0000-0000-000000000000");
  const r = await erasePerson(ctx, objectId);
  ctx.logger.info({ event: "person.erased", ...r }, "a person was erased on request");
  const total = r.people + r.nominations + r.terms + r.answers + r.convened + r.chats + r.proformas + r.versions + r.feed + r.audit + r.rounds + r.presses;
  const summary = `Deleted ${r.people} people record(s), ${r.chats} chat address(es) and ${r.presses} digest button press(es). Made anonymous: ${r.nominations} nomination(s), ${r.terms} lead term(s), ${r.answers} answer(s) to invitations, ${r.convened} convened conversation(s), ${r.proformas} proforma(s) (kept, author shown as "${FORMER_STAFF}"), ${r.versions} proforma version(s), ${r.feed} activity row(s), ${r.audit} audit line(s), ${r.rounds} circulation round(s) (kept, opener shown as "${FORMER_STAFF}").`;
  // The erasure's own line names no one: who was erased is exactly what must not be kept.
  await recordAudit(ctx, turn.actor, {
    key: `person.erased:${newId(ctx.now().getTime())}`,
    action: "person.erased",
    detail: total === 0 ? "An erasure was asked for; nothing was held about the person." : `A person was erased on request. ${summary}`,
  });
  if (total === 0) return noticeCard("Nothing held", "The Hub holds nothing about that person.");
  return noticeCard("Person erased", summary, "Good");
};

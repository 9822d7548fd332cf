import type { AppContext, CommandHandler } from "../app-context";
import { noticeCard } from "../cards/notice-card";
import { isCoordinator } from "../domain/actor";
import { HubError } from "../domain/errors";
import { newId } from "../domain/ids";
import { isObjectId } from "../nominations/nomination";

/** What an erasure changed: the counts stay, the person goes. */
export interface ErasureReport {
  people: number;
  nominations: number;
  terms: number;
  answers: number;
  convened: number;
  chats: number;
}

/**
 * Erases a person from the leads, nominations and convening records: their people rows and chat
 * address are deleted; nominations, lead terms, answers and conversations they took part in stay as
 * anonymous rows so the counts still add up. A current lead's post becomes vacant.
 */
export async function erasePerson(ctx: AppContext, objectId: string): Promise<ErasureReport> {
  const now = ctx.now().toISOString();
  const report: ErasureReport = { people: 0, nominations: 0, terms: 0, answers: 0, convened: 0, chats: 0 };
  const rows = (await ctx.people.list()).filter((p) => p.objectId === objectId);
  const tenants = new Set([...rows.map((p) => p.tenantId), ...Object.keys(ctx.config.tenantBoroughs)]);

  for (const n of await ctx.nominations.involving(objectId)) {
    const asNominee = n.nomineeId === objectId;
    const asNominator = n.nominatedById === objectId;
    if (asNominee) tenants.add(n.nomineeTenantId);
    await ctx.nominations.update({
      ...n,
      ...(asNominee ? { nomineeId: "", nomineeName: "", nomineeJobTitle: "", nomineeTenantId: "", reason: "" } : {}),
      ...(asNominator ? { nominatedById: "", nominatedByName: "" } : {}),
      ...(n.decidedById === objectId ? { decidedById: "" } : {}),
    });
    report.nominations++;
  }
  for (const t of await ctx.leads.heldBy(objectId)) {
    tenants.add(t.tenantId);
    const anonymous = { ...t, objectId: "", tenantId: "", name: "", jobTitle: "" };
    if (!t.until) await ctx.leads.end(anonymous, now);
    else await ctx.leads.rewrite(anonymous);
    report.terms++;
  }
  for (const r of await ctx.meetings.rsvpsOf(objectId)) {
    await ctx.meetings.anonymiseRsvp(r, `erased-${newId()}`);
    report.answers++;
  }
  for (const m of await ctx.meetings.convenedBy(objectId)) {
    await ctx.meetings.update({ ...m, convenerId: "", convenerName: "", convenerTenantId: "" });
    report.convened++;
  }
  for (const p of rows) if (await ctx.people.remove(p.tenantId, p.objectId)) report.people++;
  for (const tenant of tenants) {
    const chat = tenant ? await ctx.channels.personalChat(tenant, objectId) : undefined;
    if (!chat) continue;
    // The copies of invitations posted in that chat keep its address: forget them too.
    const meetings = await ctx.meetings.between("2000-01-01T00:00:00Z", "9999-12-31T00:00:00Z");
    for (const m of meetings) await ctx.meetings.removePosted(m.id, chat.ref.conversationId);
    await ctx.channels.forget(tenant, chat.ref.conversationId);
    await ctx.channels.forget(tenant, `person:${objectId}`);
    report.chats++;
  }
  return report;
}

/** `forget <object id>` (coordinators): erases a person, leaving anonymous counts. */
export const forgetPerson: CommandHandler = async (ctx: AppContext, turn, args) => {
  if (!isCoordinator(turn.actor)) throw new HubError("forbidden", "Only an LIIA coordinator can erase a person.");
  const objectId = args.trim().toLowerCase();
  if (!isObjectId(objectId)) throw new HubError("invalid-input", "Say whom to erase by their Entra object id, for example: forget 00000000-0000-0000-0000-000000000000");
  const r = await erasePerson(ctx, objectId);
  ctx.logger.info({ event: "person.erased", ...r }, "a person was erased on request");
  const total = r.people + r.nominations + r.terms + r.answers + r.convened + r.chats;
  if (total === 0) return noticeCard("Nothing held", "The Hub holds nothing about that person in its leads, nominations and conversations records.");
  return noticeCard(
    "Person erased",
    `Deleted ${r.people} people record(s) and ${r.chats} chat address(es). Made anonymous: ${r.nominations} nomination(s), ${r.terms} lead term(s), ${r.answers} answer(s) to invitations, ${r.convened} convened conversation(s).`,
    "Good",
  );
};

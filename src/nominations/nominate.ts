import type { NominationDeps } from "./nominations-deps";
import type { CommandHandler, VerbHandler } from "../domain/handlers";
import type { AdaptiveCard } from "../cards/render-card";
import { noticeCard } from "../cards/notice-card";
import { isCoordinator, type Actor } from "../domain/actor";
import { isBoroughCode } from "../domain/boroughs";
import type { Turn } from "../domain/conversation";
import { HubError } from "../domain/errors";
import { isSubmissionId, newId } from "../domain/ids";
import { brokenCharacterProblem, cutText, wellFormed } from "../domain/typed-text";
import { PERSON_ID_WORDS } from "../people/person-id";
import { findKnownPerson, tenantsOfBorough } from "./find-nominee";
import { parseKnownPersonValue } from "./known-people-search";
import { NOMINATION_LIMITS, isObjectId, isOpenNomination, kindTitle, type Nomination, type NominationKind } from "./nomination";
import { boroughName, nominationFormCard, nominationInviteCard } from "./nomination-cards";
import type { NominationVerbData } from "./nomination-verbs";

/** The borough a person may nominate for, decided from their record: coordinators choose any. */
function ownBorough(actor: Actor): string | undefined {
  if (isCoordinator(actor)) return undefined;
  if (!actor.borough)
    throw new HubError("forbidden", "Your borough is not recorded in the Hub, so you cannot nominate yet. Ask an LIIA coordinator to add you.");
  return actor.borough;
}

/** `nominate`: the nominating card, with a server-made id so a double click stores one nomination. */
export const openNomination: CommandHandler<NominationDeps> = async (ctx: NominationDeps, turn: Turn) => {
  const borough = ownBorough(turn.actor);
  return nominationFormCard({ nominationId: newId(ctx.now().getTime()), canChooseBorough: borough === undefined, borough });
};

const text = (data: Record<string, unknown>, key: string) => (typeof data[key] === "string" ? (data[key] as string).trim() : "");

interface NominationInput {
  borough: string;
  kind: NominationKind;
  nomineeId: string;
  /** The tenant the Hub's own list found the nominee in, or "" (then the nominator's and the borough's). */
  nomineeTenant: string;
  nomineeName: string;
  jobTitle: string;
  reason: string;
}

/** Reads only the fields the card asks for (anything else, e-mail or phone included, is dropped). */
function readInput(actor: Actor, data: Record<string, unknown>): { input?: NominationInput; errors: string[] } {
  const errors: string[] = [];
  const fixed = ownBorough(actor);
  const asked = text(data, "borough");
  if (fixed && asked && asked !== fixed) {
    throw new HubError("forbidden", `You can only nominate for ${boroughName(fixed)}, the borough on your record.`);
  }
  const borough = fixed ?? asked;
  if (!isBoroughCode(borough)) errors.push("Borough: choose one of the eight boroughs.");
  const kind = text(data, "kind") || "lead";
  if (kind !== "lead" && kind !== "deputy") errors.push("Nominate as: choose borough lead or deputy lead.");
  const picked = text(data, "nominee");
  // The Hub's own list (people it knows in any borough's tenant) names the tenant it knows them in.
  const known = parseKnownPersonValue(text(data, "knownNominee"));
  // "other" is the picker's own "not listed" choice, not a person.
  const nomineeId = (picked !== "other" && isObjectId(picked) ? picked : known ? known.objectId : text(data, "nomineeId")).toLowerCase();
  const nomineeTenant = picked !== "other" && isObjectId(picked) ? "" : (known?.tenantId ?? "");
  if (!isObjectId(nomineeId)) errors.push(`Nominee: choose a person in the people picker or the Hub's list, or give ${PERSON_ID_WORDS}.`);
  const jobTitle = text(data, "jobTitle");
  if (!jobTitle) errors.push("Job title is required.");
  if (jobTitle.length > NOMINATION_LIMITS.jobTitle) errors.push(`Job title: at most ${NOMINATION_LIMITS.jobTitle} characters.`);
  const reason = text(data, "reason");
  if (reason.length > NOMINATION_LIMITS.reason) errors.push(`Why this person: at most ${NOMINATION_LIMITS.reason} characters.`);
  const nomineeName = text(data, "nomineeName");
  if (nomineeName.length > NOMINATION_LIMITS.nomineeName) errors.push(`Display name: at most ${NOMINATION_LIMITS.nomineeName} characters.`);
  for (const [label, value] of [
    ["Job title", jobTitle],
    ["Why this person", reason],
    ["Display name", nomineeName],
  ] as const) {
    const broken = brokenCharacterProblem(label, value);
    if (broken) errors.push(broken);
  }
  if (errors.length) return { errors };
  return { input: { borough, kind: kind as NominationKind, nomineeId, nomineeTenant, nomineeName, jobTitle, reason }, errors };
}

function formAgain(ctx: NominationDeps, actor: Actor, data: Record<string, unknown>, nominationId: string, errors: string[]): AdaptiveCard {
  const values: Record<string, string> = {};
  for (const k of ["borough", "kind", "nominee", "knownNominee", "nomineeId", "nomineeName", "jobTitle", "reason"])
    values[k] = wellFormed(cutText(text(data, k), 1000));
  const borough = isCoordinator(actor) ? undefined : actor.borough;
  return nominationFormCard({
    nominationId: isSubmissionId(nominationId) ? nominationId : newId(ctx.now().getTime()),
    canChooseBorough: !borough,
    borough,
    values,
    errors,
  });
}

/** The nominating card's button: checks, stores the nomination and sends the nominee their card. */
export const submitNomination: VerbHandler<NominationDeps, NominationVerbData<"nomination.submit">> = async (ctx, turn, data) => {
  const { nominationId } = data;
  const { input, errors } = readInput(turn.actor, data);
  if (!isSubmissionId(nominationId)) errors.push("This card has expired: the form below is fresh, please send it again.");
  if (!input || errors.length) return formAgain(ctx, turn.actor, data, nominationId, errors);

  const person = await findKnownPerson(ctx, input.nomineeId, [input.nomineeTenant, turn.actor.tenantId, ...tenantsOfBorough(ctx, input.borough)]);
  if (!person) {
    const local =
      ctx.config.auth.mode === "local"
        ? ` On this computer (local mode), type act as ${input.nomineeId} <their name> and then act as me, so the Hub has seen them.`
        : "";
    throw new HubError(
      "invalid-input",
      `The Hub does not know the person you nominated. Ask them to open a chat with the Disparities Hub bot in Teams (or an LIIA coordinator to add them), then nominate them again. Nothing was saved.${local}`,
    );
  }
  if (person.borough && person.borough !== input.borough) {
    throw new HubError("forbidden", `That person is recorded under ${boroughName(person.borough)}, not ${boroughName(input.borough)}. Nothing was saved.`);
  }
  const waiting = (await ctx.nominations.inBorough(input.borough, ["open", "accepted"])).find(
    (n) => n.nomineeId === person.objectId && n.kind === input.kind && n.id !== nominationId,
  );
  if (waiting)
    return noticeCard(
      "Already nominated",
      `This person already has a ${kindTitle(input.kind)} nomination for ${boroughName(input.borough)} waiting. Type nominations to see it.`,
    );

  const now = ctx.now().toISOString();
  const nomination: Nomination = {
    id: nominationId,
    borough: input.borough,
    kind: input.kind,
    nomineeId: person.objectId,
    nomineeTenantId: person.tenantId,
    nomineeName: person.name || input.nomineeName,
    nomineeJobTitle: input.jobTitle,
    reason: input.reason,
    nominatedById: turn.actor.id,
    nominatedByName: turn.actor.name,
    status: "open",
    createdAt: now,
    updatedAt: now,
    decidedAt: "",
    decidedById: "",
  };
  const { created, nomination: stored } = await ctx.nominations.create(nomination);
  if (!created)
    return noticeCard(
      "Already received",
      `This nomination was already saved; it is ${isOpenNomination(stored) ? "waiting" : stored.status}. Type nominations to see it.`,
    );
  await ctx.feed.record({
    key: `nomination.opened:${stored.id}`,
    kind: "nomination.opened",
    at: now,
    borough: stored.borough,
    subjectId: stored.id,
    title: `${boroughName(stored.borough)} ${kindTitle(stored.kind)}`,
  });
  ctx.logger.info({ event: "nomination.opened", id: stored.id, borough: stored.borough, kind: stored.kind }, "nomination opened");
  const sent = await ctx.notifier.sendToPerson(stored.nomineeTenantId, stored.nomineeId, nominationInviteCard(stored));
  const who = stored.nomineeName || "The nominee";
  return noticeCard(
    "Nomination sent",
    sent
      ? `${who} has been asked, in a one-to-one chat, to accept the ${kindTitle(stored.kind)} nomination for ${boroughName(stored.borough)}.`
      : `The nomination for ${boroughName(stored.borough)} is saved. The Hub could not reach ${who} one-to-one: ask them to type nominations in a chat with the bot to accept it.`,
    "Good",
  );
};

import { inert } from "../cards/inert-text";
import { renderCard, type AdaptiveCard } from "../cards/render-card";
import { BOROUGHS, boroughByCode } from "../domain/boroughs";
import { NOMINATION_LIMITS, kindTitle, type Nomination } from "./nomination";
import type { NominationVerb } from "./nomination-verbs";

export function boroughName(code: string): string {
  return boroughByCode(code)?.name ?? "an unknown borough";
}

export const PRIVACY_NOTE =
  "The Hub stores the nominee's Entra object id, display name, job title and borough, never e-mail or phone. Declined and withdrawn nominations are deleted after a set number of days. Type my data to see what is held about you.";

/** Data bound to cards/nomination-form.json. */
export interface NominationFormData {
  nominationId: string;
  canChooseBorough: boolean;
  boroughName: string;
  boroughs: { code: string; name: string }[];
  values: Record<string, string>;
  errors: { message: string }[];
  limits: typeof NOMINATION_LIMITS;
  privacyNote: string;
}

const FORM_FIELDS = ["borough", "kind", "nominee", "knownNominee", "nomineeId", "nomineeName", "jobTitle", "reason"];

export function nominationFormCard(options: {
  nominationId: string;
  canChooseBorough: boolean;
  borough?: string;
  values?: Record<string, string>;
  errors?: string[];
}): AdaptiveCard {
  const values: Record<string, string> = { kind: "lead" };
  for (const field of FORM_FIELDS) values[field] = options.values?.[field] ?? values[field] ?? "";
  return renderCard<NominationFormData>("nomination-form", {
    nominationId: options.nominationId,
    canChooseBorough: options.canChooseBorough,
    boroughName: options.borough ? boroughName(options.borough) : "",
    boroughs: BOROUGHS.map((b) => ({ code: b.code, name: b.name })),
    values,
    errors: (options.errors ?? []).map((message) => ({ message })),
    limits: NOMINATION_LIMITS,
    privacyNote: PRIVACY_NOTE,
  });
}

/** Data bound to cards/nomination-invite.json (sent one-to-one to the nominee). */
export interface NominationInviteData {
  heading: string;
  nominationId: string;
  nominatedByName: string;
  jobTitle: string;
  reason: string;
}

export function nominationInviteCard(n: Nomination): AdaptiveCard {
  return renderCard<NominationInviteData>("nomination-invite", {
    heading: `You have been nominated as ${boroughName(n.borough)}'s ${kindTitle(n.kind)}`,
    nominationId: n.id,
    nominatedByName: inert(n.nominatedByName || "a colleague"),
    jobTitle: inert(n.nomineeJobTitle),
    reason: inert(n.reason),
  });
}

/** Data bound to cards/nomination-confirm.json (for the borough's DCS or a coordinator). */
export interface NominationConfirmData {
  heading: string;
  nominationId: string;
  nomineeName: string;
  jobTitle: string;
  nominatedByName: string;
  reason: string;
  replaceNote: string;
}

export function nominationConfirmCard(n: Nomination, currentLeadName?: string): AdaptiveCard {
  const replaceNote =
    n.kind === "lead"
      ? currentLeadName
        ? "Confirming replaces the current lead, who stays in the borough's history."
        : `${boroughName(n.borough)} has no lead yet.`
      : "Deputies serve beside the lead; a borough may have several.";
  return renderCard<NominationConfirmData>("nomination-confirm", {
    heading: `Confirm ${boroughName(n.borough)}'s ${kindTitle(n.kind)}?`,
    nominationId: n.id,
    nomineeName: inert(n.nomineeName || "The nominee"),
    jobTitle: inert(n.nomineeJobTitle),
    nominatedByName: inert(n.nominatedByName || "a colleague"),
    reason: inert(n.reason),
    replaceNote,
  });
}

/** Data bound to cards/nomination-list.json. */
export interface NominationListData {
  items: { nomineeName: string; what: string; state: string; buttons: { title: string; verb: NominationVerb; nominationId: string }[] }[];
}

export type NominationButton = "accept" | "decline" | "confirm" | "withdraw";

const BUTTON_TITLES: Record<NominationButton, string> = { accept: "Accept", decline: "Decline", confirm: "Confirm", withdraw: "Withdraw" };

export function nominationListCard(entries: { nomination: Nomination; buttons: NominationButton[] }[]): AdaptiveCard {
  return renderCard<NominationListData>("nomination-list", {
    items: entries.slice(0, 30).map(({ nomination: n, buttons }) => ({
      nomineeName: inert(n.nomineeName || "The nominee"),
      what: `${boroughName(n.borough)} ${kindTitle(n.kind)}`,
      state: n.status === "open" ? "Waiting for the nominee to accept" : "Accepted: waiting for the DCS or a coordinator to confirm",
      buttons: buttons.map((b) => ({ title: BUTTON_TITLES[b], verb: `nomination.${b}`, nominationId: n.id })),
    })),
  });
}

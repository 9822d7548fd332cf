import type { AppContext } from "./composition";
import type { CommandHandler, Routes, SearchHandler, VerbHandler } from "./domain/handlers";
import { renderCard } from "./cards/render-card";
import { PROFORMA_VERBS, myProformas, openProforma, reviewProformas } from "./proforma/proforma-actions";
import { CIRCULATION_VERBS, proformaStatus } from "./circulation/circulation-actions";
import { circulateProforma } from "./circulation/circulate-proforma";
import { listChannels, registerChannel, unregisterChannel } from "./channels/channel-commands";
import { digestCorrect, digestPreview, digestSendNow } from "./digest/digest-commands";
import { postHeadlinesCommand, showHeadlines } from "./digest/headline-commands";
import { approveHeadlines, proposeHeadlines } from "./digest/approve-headlines";
import { digestFeedbackCommand } from "./digest/digest-feedback";
import { DIGEST_VERBS } from "./digest/digest-actions";
import { listPeople, setRole } from "./people/people-commands";
import { AUDIT_VERBS, showAudit } from "./audit/audit-commands";
import { openNomination } from "./nominations/nominate";
import { NOMINATION_VERBS } from "./nominations/nomination-actions";
import { listNominations } from "./nominations/list-nominations";
import { KNOWN_PEOPLE_DATASET, searchKnownPeople } from "./nominations/known-people-search";
import { showLeads } from "./leads/leads-directory";
import { openConvene } from "./meetings/convene";
import { CONVENING_VERBS } from "./meetings/meeting-actions";
import { PRIVACY_VERBS, showMyData } from "./privacy/my-data";
import { forgetPerson } from "./privacy/forget-person";
import { actAs } from "./people/act-as";

/**
 * Every command people can type and every card verb, in one typed list: the bot routes by it, the
 * help card and the Teams manifest's command lists are made from it.
 */
export interface CommandSpec {
  /** The words that start the command, lower case, e.g. "my proformas". */
  words: string;
  /** One line for the help card and the manifest (at most 128 characters). */
  description: string;
  /** Shown in the Teams command menu (the manifest allows ten per scope). */
  inMenu: boolean;
  handler: CommandHandler<AppContext>;
}

const helpCommand: CommandHandler<AppContext> = async (ctx) =>
  renderCard("help", {
    commands: COMMANDS.map((c) => ({ word: c.words, what: c.description })),
    modeNote: ctx.config.auth.mode === "local" ? "Running in local mode: only this computer can talk to the bot." : "",
  });

export const COMMANDS: CommandSpec[] = [
  { words: "help", description: "What this bot does and the commands it knows", inMenu: true, handler: helpCommand },
  { words: "proforma", description: "Share an initiative that tackles racial disparities (the good-practice proforma)", inMenu: true, handler: openProforma },
  { words: "my proformas", description: "The proformas you have shared or drafted", inMenu: true, handler: myProformas },
  { words: "review proformas", description: "Coordinators: submitted proformas waiting to be published or returned", inMenu: false, handler: reviewProformas },
  {
    words: "circulate proforma",
    description: "Coordinators: circulate proforma by <date> invites every borough channel and reminds them",
    inMenu: false,
    handler: circulateProforma,
  },
  {
    words: "proforma status",
    description: "Which boroughs have an entry published, in review, a draft only or nothing, and who is overdue",
    inMenu: false,
    handler: proformaStatus,
  },
  {
    words: "register this channel",
    description: "Coordinators: register this channel as dcs [borough], borough <name>, leads or coordinators",
    inMenu: false,
    handler: registerChannel,
  },
  { words: "unregister this channel", description: "Coordinators: remove this channel's role", inMenu: false, handler: unregisterChannel },
  { words: "channels", description: "Coordinators: the registered channels and their roles", inMenu: false, handler: listChannels },
  {
    words: "digest preview",
    description: "This week's digest, shown to you only (digest preview 2026-W48 for another week)",
    inMenu: true,
    handler: digestPreview,
  },
  {
    words: "digest send now",
    description: "Coordinators: send this week's digest to every DCS channel that has not had it",
    inMenu: false,
    handler: digestSendNow,
  },
  {
    words: "digest feedback",
    description: "Coordinators: per borough, who opened the digest's numbers or marked it useful or to discuss (digest feedback 2026-W48)",
    inMenu: false,
    handler: digestFeedbackCommand,
  },
  { words: "digest correct", description: "Coordinators: update the digest cards already sent, in place", inMenu: false, handler: digestCorrect },
  { words: "headlines", description: "The current top data headlines, shown to you only", inMenu: true, handler: showHeadlines },
  { words: "post headlines", description: "Coordinators: post the approved data headlines to the DCS channels", inMenu: false, handler: postHeadlinesCommand },
  {
    words: "propose headlines",
    description: "Coordinators: put the latest stored headlines forward; a second coordinator approves them",
    inMenu: false,
    handler: proposeHeadlines,
  },
  {
    words: "approve headlines",
    description: "Coordinators: approve headlines another coordinator proposed; corrects this week's sent digest in place",
    inMenu: false,
    handler: approveHeadlines,
  },
  {
    words: "role",
    description: "Coordinators: role <object id> <coordinator|dcs|lead|staff> [borough] gives a person a role",
    inMenu: false,
    handler: setRole,
  },
  { words: "people", description: "Coordinators: everyone given a role, with their borough", inMenu: false, handler: listPeople },
  { words: "audit", description: "Coordinators: audit [record id] shows who did what to a record", inMenu: false, handler: showAudit },
  { words: "nominate", description: "Nominate your borough's lead or a deputy lead", inMenu: true, handler: openNomination },
  { words: "nominations", description: "Nominations waiting for you to accept, confirm or follow", inMenu: false, handler: listNominations },
  { words: "leads", description: "The eight boroughs' leads and the cross-borough conversations coming up", inMenu: true, handler: showLeads },
  { words: "convene", description: "Leads and coordinators: call a cross-borough conversation and invite every lead", inMenu: true, handler: openConvene },
  { words: "my data", description: "Everything the Hub holds about you", inMenu: true, handler: showMyData },
  {
    words: "act as",
    description: "Local mode only: act as <person id> [name] tries the bot as another person; act as me goes back",
    inMenu: false,
    handler: actAs,
  },
  { words: "forget", description: "Coordinators: forget <object id> erases a person, leaving anonymous counts", inMenu: false, handler: forgetPerson },
];

/** Every card verb, from the features' verb maps: each verb's data is parsed by its schema before its handler runs. */
export const VERBS = {
  ...PROFORMA_VERBS,
  ...CIRCULATION_VERBS,
  ...NOMINATION_VERBS,
  ...CONVENING_VERBS,
  ...DIGEST_VERBS,
  ...AUDIT_VERBS,
  ...PRIVACY_VERBS,
} satisfies Record<string, VerbHandler<AppContext>>;

export type Verb = keyof typeof VERBS;

export function isVerb(value: unknown): value is Verb {
  return typeof value === "string" && Object.prototype.hasOwnProperty.call(VERBS, value);
}

/**
 * Finds the command a message asks for: case-insensitive, the longest command words first, so
 * "my proformas" is not read as "proforma". Returns undefined when nothing matches.
 */
export function matchCommand(text: string): { spec: CommandSpec; args: string } | undefined {
  const normal = text.replace(/\s+/g, " ").trim();
  const lower = normal.toLowerCase();
  const byLength = [...COMMANDS].sort((a, b) => b.words.length - a.words.length);
  for (const spec of byLength) {
    if (lower === spec.words || lower.startsWith(spec.words + " ")) {
      return { spec, args: normal.slice(spec.words.length).trim() };
    }
  }
  return undefined;
}

/** Every typeahead the Hub's cards offer (Input.ChoiceSet with a Data.Query dataset), by dataset. */
const SEARCHES: Record<string, SearchHandler<AppContext>> = {
  [KNOWN_PEOPLE_DATASET]: searchKnownPeople,
};

/** What the bot routes by: the commands and the card verbs above, for the composed context. */
export const ROUTES: Routes<AppContext> = {
  matchCommand(text) {
    const match = matchCommand(text);
    return match && { words: match.spec.words, handler: match.spec.handler, args: match.args };
  },
  isVerb,
  verbHandler: (verb) => (isVerb(verb) ? VERBS[verb] : undefined),
  searchHandler: (dataset) => SEARCHES[dataset],
};

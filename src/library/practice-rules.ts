import { CATALOGUE } from "../analysis/catalogue";

/**
 * What a data finding is about, in the practice library's own terms: the outcome area (the
 * proforma's list), the levels of intervention at which the children in the figure are served, and
 * the words for the gap ("suspensions of Black Caribbean pupils").
 */
export interface FindingArea {
  outcomeArea: string;
  /** Proforma level values; empty when the measure sits at no level (any level matches). */
  levels: readonly string[];
  /** The finding in a few words, `{group}` standing for the group's name. */
  subject: string;
}

const SCHOOL = ["universal", "early-help"];

/** Catalogue measures by id (rates, shares) and ladder steps by the words of their level. */
const MEASURES: Record<string, Omit<FindingArea, "outcomeArea">> = {
  "cla-rate": { levels: ["looked-after"], subject: "{group} children being looked after" },
  "cla-rate-per-pupil": { levels: ["looked-after"], subject: "{group} children being looked after" },
  "cla-share": { levels: ["looked-after"], subject: "{group} children being looked after" },
  "cla-starting-rate": { levels: ["looked-after"], subject: "{group} children starting to be looked after" },
  "cla-ceasing-rate": { levels: ["looked-after", "leaving-care"], subject: "{group} children ceasing to be looked after" },
  "cin-rate": { levels: ["child-in-need"], subject: "{group} children in need" },
  "cin-rate-per-pupil": { levels: ["child-in-need"], subject: "{group} children in need" },
  "cpp-rate": { levels: ["child-protection"], subject: "child protection plans for {group} children" },
  "cpp-rate-per-pupil": { levels: ["child-protection"], subject: "child protection plans for {group} children" },
  "sen-support-rate": { levels: SCHOOL, subject: "SEN support for {group} pupils" },
  "ehc-plan-rate": { levels: SCHOOL, subject: "EHC plans for {group} pupils" },
  "suspension-rate": { levels: SCHOOL, subject: "suspensions of {group} pupils" },
  "fixed-period-exclusion-rate": { levels: SCHOOL, subject: "suspensions of {group} pupils" },
  "permanent-exclusion-rate": { levels: SCHOOL, subject: "permanent exclusions of {group} pupils" },
  "yj-first-time-entrant-rate": { levels: ["youth-justice", "early-help"], subject: "{group} children entering the youth justice system" },
  "camhs-referral-rate": { levels: [], subject: "mental health referrals of {group} children" },
  "camhs-referral-rate-per-pupil": { levels: [], subject: "mental health referrals of {group} children" },
};

/** Steps of a ladder, known by the first words of the step's level ("01 referral (of base population)", "suspended at least once (of pupils)"). */
const STEPS: { words: RegExp; area: Omit<FindingArea, "outcomeArea"> }[] = [
  { words: /^referral\b/, area: { levels: ["early-help", "child-in-need"], subject: "referrals of {group} children to children's social care" } },
  { words: /^completed assessment\b/, area: { levels: ["child-in-need"], subject: "assessments of {group} children" } },
  { words: /^section 47\b/, area: { levels: ["child-protection"], subject: "section 47 enquiries about {group} children" } },
  { words: /^initial child protection conference\b/, area: { levels: ["child-protection"], subject: "child protection conferences for {group} children" } },
  {
    words: /^(child protection plan|on a child protection plan)\b/,
    area: { levels: ["child-protection"], subject: "child protection plans for {group} children" },
  },
  { words: /^child in need\b/, area: { levels: ["child-in-need"], subject: "{group} children in need" } },
  { words: /^looked after\b/, area: { levels: ["looked-after"], subject: "{group} children being looked after" } },
  { words: /^starting to be looked after\b/, area: { levels: ["looked-after"], subject: "{group} children starting to be looked after" } },
  { words: /^(suspended|suspension)/, area: { levels: SCHOOL, subject: "suspensions of {group} pupils" } },
  { words: /^permanently excluded/, area: { levels: SCHOOL, subject: "permanent exclusions of {group} pupils" } },
  { words: /^sen support/i, area: { levels: SCHOOL, subject: "SEN support for {group} pupils" } },
  { words: /^ehc plan/i, area: { levels: SCHOOL, subject: "EHC plans for {group} pupils" } },
  { words: /^first-time entrant/, area: { levels: ["youth-justice", "early-help"], subject: "{group} children entering the youth justice system" } },
  { words: /^custodial sentence/, area: { levels: ["youth-justice"], subject: "custodial sentences for {group} children" } },
];

/** Measures made from the boroughs' statutory returns, which the catalogue does not list. */
const RETURNS_TOPICS: Record<string, string> = { "returns-steps": "social-care" };

function topicOf(measure: string): string | undefined {
  return (
    CATALOGUE.measures.find((m) => m.id === measure)?.topic ??
    CATALOGUE.shares.find((m) => m.id === measure)?.topic ??
    CATALOGUE.ladders.find((l) => l.id === measure)?.topic ??
    RETURNS_TOPICS[measure]
  );
}

/**
 * The finding's area in the library's terms, or undefined when the measure is not one the rules know
 * (the headline then links nothing and claims no gap). A ladder's step is read from its level.
 */
export function findingArea(measure: string, level: string | null | undefined): FindingArea | undefined {
  const outcomeArea = topicOf(measure);
  if (!outcomeArea || outcomeArea === "population") return undefined;
  const known = MEASURES[measure];
  if (known) return { outcomeArea, ...known };
  if (!level) return undefined;
  const words = level
    .replace(/^\d+\s+/, "")
    .trim()
    .toLowerCase();
  const step = STEPS.find((s) => s.words.test(words));
  return step ? { outcomeArea, ...step.area } : undefined;
}

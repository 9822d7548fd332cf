import { OUTCOME_AREAS, type Choice } from "../proforma/proforma";

/**
 * What a cross-borough conversation can be about: the proforma's outcome areas (imported from
 * src/proforma/proforma.ts) and the ALDCS/LIIA pan-London priorities, defined here in one place.
 */
export const PAN_LONDON_PRIORITIES: readonly Choice[] = [
  { value: "adolescent-safeguarding", title: "Adolescent safeguarding" },
  { value: "send", title: "SEND" },
  { value: "resources-commissioning", title: "Resources and commissioning" },
  { value: "workforce", title: "Workforce" },
  { value: "care-leaving", title: "Care leaving" },
  { value: "racial-disparities", title: "Racial disparities for children and staff" },
];

export const THEMES: readonly Choice[] = [
  ...OUTCOME_AREAS.map((c) => ({ value: `outcome:${c.value}`, title: `Outcome area: ${c.title}` })),
  ...PAN_LONDON_PRIORITIES.map((c) => ({ value: `priority:${c.value}`, title: `Pan-London priority: ${c.title}` })),
];

export function themeTitle(value: string): string {
  return THEMES.find((t) => t.value === value)?.title ?? value;
}

export function isTheme(value: unknown): value is string {
  return typeof value === "string" && THEMES.some((t) => t.value === value);
}

export const FORMATS: readonly Choice[] = [
  { value: "online", title: "Online" },
  { value: "in-person", title: "In person" },
  { value: "hybrid", title: "Hybrid" },
];

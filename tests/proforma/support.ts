import type { TestUser } from "../support/teams-client";

/** A coordinator for the proforma tests (named in COORDINATORS, so ANN and BEN are plain staff). */
export const CORA: TestUser = { id: "00000000-0000-4000-8000-0000000c0003", name: "Cora Coordinator", tenantId: "11111111-1111-4111-8111-111111111111" };

export const HACKNEY = "E09000012";
export const NEWHAM = "E09000025";

/** The first step's inputs, complete enough to submit. */
export function essentials(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: "Culturally informed family group conferences",
    borough: HACKNEY,
    outcomeAreas: "social-care,youth-justice",
    summary: "Black boys were over-represented at child protection conference; we introduced family group conferences led by community advocates.",
    impact: "Re-referrals fell over two years.",
    contactName: "Ann Example",
    consentScope: "liia",
    noPersonalData: "true",
    ...overrides,
  };
}

/** Every step's inputs, by step, each valid. */
export const STEP_INPUTS: Record<number, Record<string, unknown>> = {
  1: {
    contactJobTitle: "Head of Service",
    priorities: "adolescent-safeguarding,workforce-leadership",
    targetGroups: "child-protection,families",
    targetGroupsDetail: "Families of Black Caribbean boys",
    ethnicGroups: "black,mixed",
    ethnicGroupsDetail: "Black Caribbean; White and Black Caribbean",
    levels: "child-protection",
    scale: "service",
    stage: "live",
    startDate: "2024-09-01",
  },
  2: { problem: "Over-representation at conference.", partners: "Local churches" },
  3: { whatWasDone: "Community advocates co-chaired conferences.", resources: "Two advocates, grant funded" },
  4: { evidenceStrength: "before-after", voice: "Young people shaped the advocate role." },
  5: { risksLearning: "Start with a small team.", replication: "Needs a community partner.", links: "https://example.org/report\nhttps://example.org/toolkit" },
};

/** The data an Action.Execute button of a card carries, found by verb and (optionally) title. */
export function buttonData(card: any, verb: string, title?: string): Record<string, unknown> {
  let found: Record<string, unknown> | undefined;
  const visit = (n: any) => {
    if (found || !n || typeof n !== "object") return;
    if (n.type === "Action.Execute" && n.verb === verb && (!title || n.title === title)) found = n.data;
    Object.values(n).forEach(visit);
  };
  visit(card);
  if (!found) throw new Error(`no ${verb}${title ? ` "${title}"` : ""} button on the card`);
  return found;
}

export function buttonTitles(card: any): string[] {
  const titles: string[] = [];
  const visit = (n: any) => {
    if (!n || typeof n !== "object") return;
    if ((n.type === "Action.Execute" || n.type === "Action.ShowCard") && typeof n.title === "string") titles.push(n.title);
    Object.values(n).forEach(visit);
  };
  visit(card.actions ?? []);
  return titles;
}

/** The value an input holds on a card. */
export function inputValue(card: any, id: string): unknown {
  let value: unknown;
  const visit = (n: any) => {
    if (value !== undefined || !n || typeof n !== "object") return;
    if (typeof n.type === "string" && n.type.startsWith("Input.") && n.id === id) value = n.value ?? "";
    Object.values(n).forEach(visit);
  };
  visit(card);
  return value;
}

/** Gives a test user a borough, as a coordinator's role command would: a person without one cannot file. */
export async function placeIn(service: { app: { people: { put(p: any): Promise<void> } } }, user: TestUser, borough: string): Promise<void> {
  await service.app.people.put({
    tenantId: user.tenantId!,
    objectId: user.id,
    name: user.name,
    jobTitle: "",
    borough,
    roles: ["staff"],
    updatedAt: new Date().toISOString(),
    updatedBy: CORA.id,
  });
}

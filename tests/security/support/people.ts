import type { TestUser } from "../../support/teams-client";

/** The eight boroughs' councils, each with its own tenant, and LIIA's own tenant (no borough). */
export const BOROUGH_TENANTS: Record<string, string> = {
  E09000002: "20000000-0000-4000-8000-000000000002",
  E09000001: "20000000-0000-4000-8000-000000000001",
  E09000012: "20000000-0000-4000-8000-000000000012",
  E09000016: "20000000-0000-4000-8000-000000000016",
  E09000025: "20000000-0000-4000-8000-000000000025",
  E09000026: "20000000-0000-4000-8000-000000000026",
  E09000030: "20000000-0000-4000-8000-000000000030",
  E09000031: "20000000-0000-4000-8000-000000000031",
};
export const LIIA_TENANT = "20000000-0000-4000-8000-0000000000aa";
export const STRANGER_TENANT = "9999aaaa-0000-4000-8000-000000000bad";

export const HACKNEY = "E09000012";
export const NEWHAM = "E09000025";

/** TENANT_BOROUGHS and ALLOWED_TENANTS for the eight councils and LIIA. */
export function councilEnv(): Record<string, string> {
  return {
    TENANT_BOROUGHS: Object.entries(BOROUGH_TENANTS)
      .map(([code, tenant]) => `${tenant}=${code}`)
      .join(","),
    ALLOWED_TENANTS: [...Object.values(BOROUGH_TENANTS), LIIA_TENANT].join(","),
  };
}

/** A member of staff in a borough's own tenant; `n` keeps ids distinct. */
export function staffOf(borough: string, n: number, name = `Staff ${n}`): TestUser {
  const id = `30000000-0000-4000-8000-${borough.slice(-3)}${String(n).padStart(9, "0")}`;
  return { id, name, tenantId: BOROUGH_TENANTS[borough]! };
}

export const COORDINATOR: TestUser = { id: "40000000-0000-4000-8000-00000000c001", name: "Cora Ordinator", tenantId: LIIA_TENANT };

/** Good proforma inputs for a borough, with overrides. */
export function proformaInputs(borough: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: "Culturally informed family group conferences",
    borough,
    outcomeAreas: "social-care",
    summary: "Family group conferences led by community advocates for Black and mixed heritage families.",
    impact: "Re-referrals fell.",
    contactName: "Head of Service",
    consentScope: "east-london",
    noPersonalData: "true",
    ...overrides,
  };
}

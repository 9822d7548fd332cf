import type { Role } from "../domain/actor";

/** A person the service knows: Entra object id, display name, job title, borough and roles; never e-mail or phone. */
export interface Person {
  tenantId: string;
  objectId: string;
  name: string;
  jobTitle: string;
  /** GSS code, or "" for LIIA staff and others with no borough. */
  borough: string;
  roles: Role[];
  updatedAt: string;
  updatedBy: string;
}

export const ROLES: readonly Role[] = ["coordinator", "dcs", "lead", "staff"];

import type { Role } from "../domain/actor";

/**
 * A person the service knows: Entra object id, display name, job title, borough and roles; never e-mail
 * or phone. Everyone who talks to the bot is kept as seen (id, name, tenant; no roles) so they can be
 * nominated and given roles; `my data` shows the row and `forget` deletes it.
 */
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
  /**
   * Local mode only: the person this client user is trying the bot as (`act as`), so one person on
   * one computer can nominate, accept and confirm. Never set when the bot checks Teams tokens.
   */
  actingAs?: { objectId: string; name: string };
}

export const ROLES: readonly Role[] = ["coordinator", "dcs", "lead", "staff"];

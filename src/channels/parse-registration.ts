import { findBorough } from "../domain/boroughs";
import type { ChannelRole } from "./channel-store";

export type Registration = { role: ChannelRole; borough?: string } | { error: string };

export const REGISTRATION_USAGE = "Write one of: register this channel as dcs · as dcs <borough> · as borough <name> · as leads · as coordinators.";

/**
 * Reads the words after `register this channel`: "as dcs", "as dcs Hackney", "as borough Tower Hamlets",
 * "as leads", "as coordinators". Boroughs are found by name, GSS code or old LA code.
 */
export function parseRegistration(args: string): Registration {
  const words = args.trim().replace(/^as\b/i, "").trim();
  const [first = "", ...rest] = words.split(/\s+/);
  const role = first.toLowerCase();
  const tail = rest.join(" ").trim();
  if (role === "leads" || role === "coordinators") {
    return tail ? { error: `A ${role} channel belongs to no borough. ${REGISTRATION_USAGE}` } : { role };
  }
  if (role === "dcs" || role === "borough") {
    if (!tail) return role === "dcs" ? { role } : { error: `Name the borough, e.g. register this channel as borough Hackney.` };
    const borough = findBorough(tail);
    if (!borough) return { error: `"${tail.slice(0, 80)}" is not one of the eight boroughs. ${REGISTRATION_USAGE}` };
    return { role, borough: borough.code };
  }
  return { error: REGISTRATION_USAGE };
}

import type { Me } from "../server/me-api";
import { getJson } from "./api-client";
import type { Host } from "./teams-host";

export type { Me };

let asked: Promise<Me | undefined> | undefined;

/** Who the caller is (GET /api/me), asked once per page load; undefined when the service would not say. */
export function whoAmI(host: Host): Promise<Me | undefined> {
  asked ??= getJson<Me>(host, "/api/me").catch(() => undefined);
  return asked;
}

const ROLE_NAMES: Record<Me["roles"][number], string> = { coordinator: "coordinator", dcs: "director of children's services", lead: "lead", staff: "staff" };
const ROLE_ORDER: Me["roles"][number][] = ["coordinator", "dcs", "lead", "staff"];

/** The header line: "Signed in as Ada Example · Hackney · coordinator", or "Local mode · coordinator". */
export function callerLine(me: Me): string {
  const roles = ROLE_ORDER.filter((r) => me.roles.includes(r));
  const shown = roles.length > 1 ? roles.filter((r) => r !== "staff") : roles;
  const who = me.mode === "local" ? "Local mode" : me.name ? `Signed in as ${me.name}` : "Signed in";
  return [who, me.borough?.name, shown.map((r) => ROLE_NAMES[r]).join(", ")].filter(Boolean).join(" · ");
}

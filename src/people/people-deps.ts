import type { Config } from "../config/config";
import type { Logger } from "../logging/logger";
import type { PeopleStore } from "./people-store";
import type { AuditDeps } from "../audit/audit-deps";

/** What people and their roles uses, given at composition (src/composition.ts). */
export interface PeopleDeps extends AuditDeps {
  config: Config;
  logger: Logger;
  now: () => Date;
  people: PeopleStore;
}

import type { AuditDeps } from "../audit/audit-deps";
import type { ChannelStore } from "../channels/channel-store";
import type { Config } from "../config/config";
import type { Logger } from "../logging/logger";
import type { ProformaStore } from "./proforma-store";

/** What the good-practice proforma uses, given at composition (src/composition.ts). */
export interface ProformaDeps extends AuditDeps {
  channels: ChannelStore;
  config: Config;
  logger: Logger;
  now: () => Date;
  proformas: ProformaStore;
}

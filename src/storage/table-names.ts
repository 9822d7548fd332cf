/** Every table the service uses; Azure table names are alphanumeric, 3 to 63 characters. */
export const TABLES = [
  "proformas",
  "proformaversions",
  "authored",
  "activity",
  "people",
  "channels",
  "nominations",
  "leads",
  "conversations",
  "rsvps",
  "digestruns",
  "deliveries",
  "measures",
  "headlines",
  "ladders",
  "circulations",
  "audit",
  "charts",
  "approvals",
  "feedback",
  "downloads",
] as const;

export type TableName = (typeof TABLES)[number];

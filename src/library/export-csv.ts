import type { LibraryEntry } from "./library-entry";

/** The CSV columns, in order: lists are joined with "; ". */
export const CSV_COLUMNS: readonly [string, (e: LibraryEntry) => string][] = [
  ["id", (e) => e.id],
  ["title", (e) => e.title],
  ["borough", (e) => e.borough.name],
  ["borough_code", (e) => e.borough.code],
  ["outcome_areas", (e) => e.outcomeAreas.join("; ")],
  ["priorities", (e) => e.priorities.join("; ")],
  ["target_groups", (e) => e.targetGroups.join("; ")],
  ["target_groups_detail", (e) => e.targetGroupsDetail],
  ["ethnic_groups", (e) => e.ethnicGroups.join("; ")],
  ["ethnic_groups_detail", (e) => e.ethnicGroupsDetail],
  ["levels", (e) => e.levels.join("; ")],
  ["scale", (e) => e.scale],
  ["stage", (e) => e.stage],
  ["start_date", (e) => e.startDate],
  ["summary", (e) => e.summary],
  ["problem", (e) => e.problem],
  ["what_was_done", (e) => e.whatWasDone],
  ["partners", (e) => e.partners],
  ["impact", (e) => e.impact],
  ["evidence_strength", (e) => e.evidenceStrength],
  ["voice", (e) => e.voice],
  ["resources", (e) => e.resources],
  ["risks_learning", (e) => e.risksLearning],
  ["replication", (e) => e.replication],
  ["links", (e) => e.links.join("; ")],
  ["contact_name", (e) => e.contact.name],
  ["contact_job_title", (e) => e.contact.jobTitle],
  ["consent_scope", (e) => e.consentScope],
  ["published_at", (e) => e.publishedAt],
  ["demo", (e) => (e.demo ? "yes" : "no")],
];

/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, quote or line break, quotes doubled. A cell a
 * spreadsheet would read as a formula (= + - @, tab, carriage return first) gets a leading apostrophe.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The whole library as CSV with a header row, CRLF line ends and a byte-order mark for spreadsheets. */
export function toCsv(entries: readonly LibraryEntry[]): string {
  const rows = [CSV_COLUMNS.map(([name]) => name), ...entries.map((e) => CSV_COLUMNS.map(([, get]) => get(e)))];
  return "\uFEFF" + rows.map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

import { odata, type TableClient } from "@azure/data-tables";
import type { Storage } from "../storage/open-storage";
import { assertEntityFits, statusCodeOf } from "../storage/table-limits";
import { RESPONSE_PREFIX, versionEntity, versionFromEntity } from "./proforma-rows";
import { SHARED_ACTIONS, type ProformaVersion } from "./proforma-version";

export interface MigrationReport {
  versions: number;
  authorLines: number;
  responses: number;
  renumbered: number;
}

function str(e: Record<string, unknown>, k: string): string {
  const v = e[k];
  return typeof v === "string" ? v : "";
}

/**
 * Moves rows kept in the older layout into the proformas table's borough partitions (proforma-rows.ts):
 * versions from proformaversions, author lines from authored, and circulation responses from the
 * circulations table. Each row is written in its new place first (a write that is there already
 * changes nothing) and only then deleted from the old, so a run that stops part-way is resumed by
 * running it again, and a second run finds nothing to move. Version numbers of moved entries are
 * counted again as versions of what was shared (draft saves apart); the old counter becomes the revision.
 */
export async function migrateProformaRows(storage: Storage, progress: (line: string) => void): Promise<MigrationReport> {
  const report: MigrationReport = { versions: 0, authorLines: 0, responses: 0, renumbered: 0 };
  const proformas = storage.tableClient("proformas");
  await moveVersions(storage.tableClient("proformaversions"), proformas, report, progress);
  await moveAuthorLines(storage.tableClient("authored"), proformas, report, progress);
  await moveResponses(storage.tableClient("circulations"), proformas, report, progress);
  return report;
}

async function moveVersions(legacy: TableClient, proformas: TableClient, report: MigrationReport, progress: (line: string) => void): Promise<void> {
  const byProforma = new Map<string, Record<string, unknown>[]>();
  for await (const e of legacy.listEntities<Record<string, unknown>>()) {
    const id = str(e, "partitionKey");
    byProforma.set(id, [...(byProforma.get(id) ?? []), e]);
  }
  progress(`versions: ${[...byProforma.values()].reduce((n, rows) => n + rows.length, 0)} to move, for ${byProforma.size} proformas`);
  for (const [id, rows] of byProforma) {
    const borough = str(rows[0]!, "borough");
    if (!borough) {
      progress(`versions: ${id} has no borough on its version rows; left where it is`);
      continue;
    }
    // Oldest first: the old counter is the revision; the version counts shared saves only.
    const versions = rows.map((e) => versionFromEntity(e, id, borough)).sort((a, b) => a.version - b.version);
    let shared = 0;
    const renumbered: ProformaVersion[] = versions.map((v) => {
      if (SHARED_ACTIONS.includes(v.action)) shared++;
      return { ...v, revision: v.version, version: shared };
    });
    for (const v of renumbered) {
      const entity = versionEntity(borough, v);
      assertEntityFits(entity);
      await ignoreStatus(proformas.createEntity(entity), 409);
    }
    await renumberRecord(proformas, borough, id, versions[versions.length - 1]!.version, shared, report);
    for (const e of rows) await ignoreStatus(legacy.deleteEntity(str(e, "partitionKey"), str(e, "rowKey")), 404);
    report.versions += rows.length;
    if (report.versions % 100 < rows.length) progress(`versions: ${report.versions} moved`);
  }
}

/** A record still counted in the old way (no revision) takes its shared-version count; a newer one is left alone. */
async function renumberRecord(
  proformas: TableClient,
  borough: string,
  id: string,
  lastRevision: number,
  shared: number,
  report: MigrationReport,
): Promise<void> {
  let e: Record<string, unknown>;
  try {
    e = await proformas.getEntity<Record<string, unknown>>(borough, id);
  } catch (error) {
    if (statusCodeOf(error) === 404) return;
    throw error;
  }
  if (typeof e.revision === "number") return;
  const revision = typeof e.version === "number" ? e.version : lastRevision;
  try {
    await proformas.updateEntity({ partitionKey: borough, rowKey: id, revision, version: shared }, "Merge", { etag: String(e.etag ?? "*") });
    report.renumbered++;
  } catch (error) {
    // Saved meanwhile by the service (which writes a revision): its numbers stand.
    if (statusCodeOf(error) !== 412) throw error;
  }
}

async function moveAuthorLines(legacy: TableClient, proformas: TableClient, report: MigrationReport, progress: (line: string) => void): Promise<void> {
  for await (const e of legacy.listEntities<Record<string, unknown>>()) {
    const borough = str(e, "borough");
    const id = str(e, "rowKey");
    if (!borough) continue;
    // The old PartitionKey is the author id made key-safe; the new prefix encodes ":" on top.
    const line = {
      partitionKey: borough,
      rowKey: `author:${str(e, "partitionKey").replace(/:/g, "%3A")}:${id}`,
      proformaId: id,
      title: str(e, "title"),
      status: str(e, "status"),
      updatedAt: str(e, "updatedAt"),
    };
    assertEntityFits(line);
    await ignoreStatus(proformas.createEntity(line), 409);
    await ignoreStatus(legacy.deleteEntity(str(e, "partitionKey"), id), 404);
    if (++report.authorLines % 100 === 0) progress(`author lines: ${report.authorLines} moved`);
  }
  progress(`author lines: ${report.authorLines} moved`);
}

async function moveResponses(circulations: TableClient, proformas: TableClient, report: MigrationReport, progress: (line: string) => void): Promise<void> {
  // Response rows sit in each round's partition under "response:"; rounds are few (one partition).
  const rounds: string[] = [];
  for await (const e of circulations.listEntities<Record<string, unknown>>({
    queryOptions: { filter: odata`PartitionKey eq ${"round"}`, select: ["RowKey"] },
  })) {
    rounds.push(str(e, "rowKey"));
  }
  for (const round of rounds) {
    const filter = odata`PartitionKey eq ${round} and RowKey ge ${"response:"} and RowKey lt ${"response;"}`;
    for await (const e of circulations.listEntities<Record<string, unknown>>({ queryOptions: { filter } })) {
      const at = str(e, "at");
      const id = str(e, "proformaId");
      const borough = str(e, "borough");
      if (!at || !id || !borough) continue;
      const row = { partitionKey: borough, rowKey: `${RESPONSE_PREFIX}${at}:${id}:000000`, proformaId: id, status: str(e, "status"), at };
      await ignoreStatus(proformas.createEntity(row), 409);
      await ignoreStatus(circulations.deleteEntity(round, str(e, "rowKey")), 404);
      report.responses++;
    }
  }
  progress(`circulation responses: ${report.responses} moved`);
}

async function ignoreStatus(request: Promise<unknown>, status: number): Promise<void> {
  try {
    await request;
  } catch (error) {
    if (statusCodeOf(error) !== status) throw error;
  }
}

import type { Catalogue } from "./catalogue";
import type { ControlledObservation } from "./suppression";

/** Count tables by stage, then by area, year and level; within a table, observations keep catalogue order. */
export class ObservationIndex {
  private readonly byStage = new Map<string, Map<string, ControlledObservation[]>>();

  constructor(observations: readonly ControlledObservation[], catalogue: Catalogue) {
    const order = new Map(catalogue.datasets.map((d, i) => [d.id, i]));
    const sorted = [...observations].sort((a, b) => (order.get(a.datasetId) ?? 1e5) - (order.get(b.datasetId) ?? 1e5));
    for (const o of sorted) {
      let tables = this.byStage.get(o.stage);
      if (!tables) this.byStage.set(o.stage, (tables = new Map()));
      const k = ObservationIndex.key(o.areaCode, o.year, o.level);
      const t = tables.get(k);
      if (t) t.push(o);
      else tables.set(k, [o]);
    }
  }

  /** Tables of one stage, one per source file (a file's table is complete in itself), in catalogue order. */
  tablesBySource(stage: string): ControlledObservation[][] {
    return this.tables(stage).flatMap((t) => splitBySource(t));
  }

  static key(areaCode: string, year: number, level: string | null): string {
    return `${areaCode}|${year}|${level ?? ""}`;
  }

  tables(stage: string): ControlledObservation[][] {
    return [...(this.byStage.get(stage)?.values() ?? [])];
  }

  /** The table for a stage at a place and year; a source with one fixed year (Census 2021) serves any year. */
  table(stage: string, areaCode: string, year: number, level: string | null = null): ControlledObservation[] {
    const tables = this.byStage.get(stage);
    if (!tables) return [];
    const exact = tables.get(ObservationIndex.key(areaCode, year, level));
    if (exact) return exact;
    return [];
  }

  /** All tables of a stage for an area, whatever the year. */
  tablesFor(stage: string, areaCode: string, level: string | null = null): ControlledObservation[][] {
    return this.tables(stage).filter((t) => t[0]!.areaCode === areaCode && t[0]!.level === level);
  }
}

export function splitBySource(table: readonly ControlledObservation[]): ControlledObservation[][] {
  const parts = new Map<string, ControlledObservation[]>();
  for (const o of table) {
    const p = parts.get(o.source);
    if (p) p.push(o);
    else parts.set(o.source, [o]);
  }
  return [...parts.values()];
}

/**
 * Drops counts from a dataset that another supersedes (e.g. the older CSWW file where the newer one
 * covers the same year, area and role). Other overlaps are settled per measure: see dropDuplicateRows.
 */
export function dropSuperseded<T extends ControlledObservation>(observations: readonly T[], catalogue: Catalogue): T[] {
  const superseding = new Map(catalogue.datasets.filter((d) => d.supersededBy).map((d) => [d.id, d.supersededBy!]));
  if (superseding.size === 0) return [...observations];
  const covered = new Set(observations.map((o) => `${o.datasetId}|${o.stage}|${o.areaCode}|${o.year}|${o.level ?? ""}`));
  return observations.filter((o) => {
    const by = superseding.get(o.datasetId);
    return !by || !covered.has(`${by}|${o.stage}|${o.areaCode}|${o.year}|${o.level ?? ""}`);
  });
}

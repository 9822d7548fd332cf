import type { Catalogue, DatasetSpec } from "./catalogue";
import type { PublishedFigure } from "./readers/tidy-reader";
import type { ControlledObservation } from "./suppression";

/** Count tables by stage, then by area, year and level; within a table, observations keep catalogue order. */
export class ObservationIndex {
  private readonly byStage = new Map<string, Map<string, ControlledObservation[]>>();
  private readonly figures = new Map<string, PublishedFigure>();
  private readonly datasets: Map<string, DatasetSpec>;

  constructor(
    observations: readonly ControlledObservation[],
    readonly catalogue: Catalogue,
    published: readonly PublishedFigure[] = [],
  ) {
    this.datasets = new Map(catalogue.datasets.map((d) => [d.id, d]));
    for (const f of published) this.figures.set(ObservationIndex.figureKey(f.source, f.kind, f.stage, f.areaCode, f.year, f.groupKey, f.level), f);
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

  private static figureKey(source: string, kind: string, stage: string, areaCode: string, year: number, groupKey: string, level: string | null): string {
    return `${source}|${kind}|${stage}|${areaCode}|${year}|${groupKey}|${level ?? ""}`;
  }

  /** The source's own figure (a rate or a share) for a count it published beside it, if it gave a number. */
  publishedFigure(o: ControlledObservation, kind: "rate" | "share", groupKey = o.group.key): number | null {
    const f = this.figures.get(ObservationIndex.figureKey(o.source, kind, o.stage, o.areaCode, o.year, groupKey, o.level));
    return f?.cell.value ?? null;
  }

  private readonly split = new Map<string, boolean>();

  /** Whether any table of the stage is broken down by ethnic group (the ONS 0-17 estimates are not). */
  splitByEthnicity(stage: string): boolean {
    let v = this.split.get(stage);
    if (v === undefined) this.split.set(stage, (v = this.tables(stage).some((t) => t.some((o) => o.group.key !== "total"))));
    return v;
  }

  dataset(id: string): DatasetSpec | undefined {
    return this.datasets.get(id);
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

import type { ShareSpec } from "../catalogue";
import { BROAD_GROUPS, broadGroup, KNOWN_GROUP, TOTAL_GROUP, type EthnicGroup } from "../ethnicity";
import { emptyMeasureRow, tableCellIdentity, type MeasureRow } from "../measure-row";
import type { ObservationIndex } from "../observation-index";
import { baseOf, countFor } from "./rates";
import { figure } from "./figure";

/**
 * Composition: each group's share of a table's total, in per cent with the Wilson interval (PHE
 * Fingertips standard for proportions). The groups the table holds (minor and major, White British
 * included, unknown ethnicity too) and the broad groups summed from them. Where the source published
 * the share beside the count (DfE's CLA percentages), the published share is the value shown.
 */
export function computeShares(spec: ShareSpec, index: ObservationIndex): MeasureRow[] {
  const rows: MeasureRow[] = [];
  for (const table of index.tablesBySource(spec.stage)) {
    const t0 = table[0]!;
    // The table's total; a source with no unknown ethnicity and no total row (Census TS021) adds up to its known groups.
    const total = countFor(TOTAL_GROUP, table) ?? countFor(KNOWN_GROUP, table);
    if (!total) continue;
    const held = table
      .filter((o) => !o.derived)
      .map((o) => o.group)
      .filter((g) => g.key !== TOTAL_GROUP.key && g.key !== KNOWN_GROUP.key);
    const broad = BROAD_GROUPS.map(broadGroup).filter((b) => !held.some((g) => g.key === b.key));
    const groups: EthnicGroup[] = [...new Map([...held, ...broad].map((g) => [g.key, g])).values()];
    for (const group of groups) {
      const count = countFor(group, table);
      if (!count) continue;
      const row = emptyMeasureRow({
        measure: spec.id,
        topic: spec.topic,
        title: spec.title,
        ...tableCellIdentity(t0, group),
        level: t0.level,
        unit: "%",
        denominatorStage: `${spec.stage} (total)`,
        method: "share of the total, Wilson 95% CI",
        source: count.sources.join(", "),
        synthetic: count.synthetic,
        outcome: null,
        unknownShare: null,
        countRounding: count.countRounding,
        base: { ...baseOf(index, spec.stage, t0, spec.topic), proxy: false },
      });
      const hidden = count.hidden ?? total.hidden;
      if (hidden || count.value === null || !total.value) {
        rows.push({ ...row, suppressed: Boolean(hidden), note: hidden });
        continue;
      }
      const f = figure(count.value, total.value, "%");
      const cell = count.parts.length === 1 ? count.parts[0]! : null;
      const published = cell ? index.publishedFigure(cell, "share") : null;
      rows.push({
        ...row,
        numerator: count.value,
        denominator: total.value,
        value: published ?? f.value,
        valueSource: published === null ? "computed" : "published",
        ciLow: f.low,
        ciHigh: f.high,
        note: [spec.note, published === null ? null : "share as published by the source (whole per cent)"].filter(Boolean).join("; ") || null,
      });
    }
  }
  return rows;
}

import { formatRatio } from "../headlines";
import { roundHalfAway } from "../rounding";
import type { ReturnsAnalysis } from "./analyse-returns";
import { WORKFORCE_ROLES } from "./ladder-types";

const pct = (x: number | null) => (x === null ? "c" : `${roundHalfAway(x, 1).toFixed(1)}%`);

/** The returns' part of the readable report: each borough's ladder sentences, then its workforce pipeline. */
export function renderReturnsReport(r: ReturnsAnalysis): string {
  if (r.ladders.length === 0 && r.pipeline.length === 0) return "";
  const out: string[] = ["", "== The boroughs' statutory returns: where disparity enters ==", ""];
  if (r.ladders.some((l) => l.synthetic) || r.pipeline.some((p) => p.synthetic)) out.push("Includes SYNTHETIC returns: not real children or staff.", "");
  const areas = [...new Set([...r.ladders, ...r.pipeline].map((x) => `${x.areaName}|${x.period}`))].sort();
  for (const area of areas) {
    const [name, period] = area.split("|");
    const ladders = r.ladders.filter((l) => l.areaName === name && l.period === period);
    const pipeline = r.pipeline.filter((p) => p.areaName === name && p.period === period);
    if (ladders.length === 0 && pipeline.length === 0) continue;
    out.push(`${name}, ${period}`);
    for (const l of ladders.filter((x) => x.groupLevel === "major")) out.push(`  - ${l.sentence}`);
    const minors = ladders.filter((x) => x.groupLevel === "minor" && x.entersAt);
    if (minors.length) out.push(`  Minor groups where a step differs beyond chance:`, ...minors.map((l) => `  - ${l.sentence}`));
    if (pipeline.length) {
      out.push(`  Workforce (employed staff in post, share of known ethnicity; ratio to the role before):`);
      for (const role of WORKFORCE_ROLES) {
        const rows = pipeline.filter((p) => p.role === role);
        out.push(
          `    ${role.padEnd(24)} ${rows
            .map((p) => `${p.group} ${pct(p.share)}${p.ratioToPreviousRole !== null ? ` (x${formatRatio(p.ratioToPreviousRole)})` : ""}`)
            .join(", ")}`,
        );
      }
    }
    out.push("");
  }
  out.push("c = suppressed: a count from 1 to 9, or a figure that would reveal one; City of London is never shown on its own.", "");
  return out.join("\n");
}

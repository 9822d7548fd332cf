import { KNOWN_GROUP } from "../ethnicity";
import { katzRatio } from "../intervals";
import { MAJOR_GROUPS, type ControlledReturn } from "../returns/control-returns";
import { PREVIOUS_ROLE, WORKFORCE_FLOWS, WORKFORCE_ROLES, type PipelineRow, type WorkforceFlowRow } from "../returns/ladder-types";

/**
 * The workforce pipeline from one CSWW return (after disclosure control): each major group's share of
 * employed staff of known ethnicity at each role, share_g(role) = n_g / known(role) (DfE CSWW shares
 * are of known ethnicity), and the chained representation ratio share_g(role) / share_g(role before)
 * with the Katz log interval (different staff at each role, so the two shares are independent).
 * A share or ratio is given only when every count it is made from may be shown.
 */
export function workforcePipeline(r: ControlledReturn): PipelineRow[] {
  const rows: PipelineRow[] = [];
  for (const role of WORKFORCE_ROLES) {
    const table = r.cells.get(`in-post:${role}`);
    const known = table?.get(KNOWN_GROUP.key);
    const prevRole = PREVIOUS_ROLE[role];
    const prevTable = prevRole ? r.cells.get(`in-post:${prevRole}`) : undefined;
    const prevKnown = prevTable?.get(KNOWN_GROUP.key);
    for (const g of MAJOR_GROUPS) {
      const here = table?.get(g.key);
      const prev = prevTable?.get(g.key);
      const n = here?.value ?? null;
      const k = known?.value ?? null;
      const share = n !== null && k ? (100 * n) / k : null;
      const ratio = n !== null && k && prev?.value != null && prevKnown?.value ? katzRatio(n, k, prev.value, prevKnown.value) : null;
      const why =
        here?.hidden ?? known?.hidden ?? (prevRole && (prev?.hidden || prevKnown?.hidden) ? `the ${prevRole.replace(/-/g, " ")} figures are suppressed` : null);
      rows.push({
        areaCode: r.areaCode,
        areaName: r.areaName,
        period: r.period,
        group: g.name,
        role,
        previousRole: prevRole,
        count: n,
        known: k,
        share,
        ratioToPreviousRole: ratio?.value ?? null,
        ratioLow: ratio?.low ?? null,
        ratioHigh: ratio?.high ?? null,
        suppressed: Boolean(here?.hidden),
        note: why ?? (k === 0 ? "no staff of known ethnicity at this role" : null),
        synthetic: r.synthetic,
      });
    }
  }
  return rows;
}

/** Starters, leavers, agency staff in post and Step Up / Frontline graduates in post, by major group. */
export function workforceFlows(r: ControlledReturn): WorkforceFlowRow[] {
  const rows: WorkforceFlowRow[] = [];
  for (const flow of WORKFORCE_FLOWS) {
    const table = r.cells.get(flow);
    const known = table?.get(KNOWN_GROUP.key);
    for (const g of MAJOR_GROUPS) {
      const here = table?.get(g.key);
      const n = here?.value ?? null;
      const k = known?.value ?? null;
      rows.push({
        areaCode: r.areaCode,
        areaName: r.areaName,
        period: r.period,
        group: g.name,
        flow,
        count: n,
        known: k,
        share: n !== null && k ? (100 * n) / k : null,
        suppressed: Boolean(here?.hidden),
        note: here?.hidden ?? known?.hidden ?? null,
        synthetic: r.synthetic,
      });
    }
  }
  return rows;
}

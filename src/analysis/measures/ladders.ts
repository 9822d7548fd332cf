import type { LadderSpec } from "../catalogue";
import type { MeasureRow } from "../measure-row";
import type { ObservationIndex } from "../observation-index";
import { computeRates } from "./rates";

/**
 * Levels of intervention as a chained relative rate index (OJJDP "Relative Rate Index" method, as
 * used by MoJ for the Lammy Review): each step's rate uses the count at the step before as its base,
 * so a step's ratio to the reference group shows where a disparity enters. Step ratios multiply to
 * the population-based ratio: RRI(cpp | population) = RRI(cin | population) x RRI(cpp | cin).
 * The Katz interval uses the nested-count variance 1/a - 1/n1 + 1/c - 1/n2.
 * Caveat: counts at different steps may come from different returns and are not person-linked.
 */
export function computeLadder(spec: LadderSpec, index: ObservationIndex): MeasureRow[] {
  return spec.steps.flatMap((step) =>
    computeRates(
      { id: spec.id, topic: spec.topic, title: spec.title, outcome: null, numerator: step.stage, denominator: step.base, unit: step.unit, level: step.label },
      index,
    ).filter((r) => !r.measure.endsWith("-vs-others")),
  );
}

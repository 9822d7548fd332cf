import assert from "node:assert/strict";
import type { Cell } from "../../src/analysis/cell";
import { toContractJson } from "../../src/analysis/contract";
import { broadGroup, BROAD_GROUPS, TOTAL_GROUP, UNKNOWN_GROUP, type EthnicGroup } from "../../src/analysis/ethnicity";
import { katzRatio, rateInterval, wilson } from "../../src/analysis/intervals";
import type { Observation } from "../../src/analysis/observation";
import { analyseLoaded } from "../../src/analysis/run-analysis";
import { applyDisclosureControl, groupFamilies } from "../../src/analysis/suppression";
import { loadedFile, seeded } from "./support";

const random = seeded(5);
const int = (max: number) => Math.floor(random() * max);

describe("properties (seeded generator)", () => {
  it("when any interval is computed, then it contains its estimate", () => {
    for (let i = 0; i < 2000; i++) {
      const n = 1 + int(100_000);
      const x = int(n + 1);
      const w = wilson(x, n);
      assert.ok(w.low <= w.value + 1e-12 && w.value <= w.high + 1e-12, `wilson ${x}/${n}`);
      const r = rateInterval(x, n, 10_000);
      assert.ok(r.low <= r.value + 1e-9 && r.value <= r.high + 1e-9, `rate ${x}/${n}`);
      const c = 1 + int(n);
      const k = katzRatio(Math.max(1, x), n, c, n);
      assert.ok(k && k.low <= k.value && k.value <= k.high, `katz ${x}/${c}`);
    }
  });

  const groups: EthnicGroup[] = [TOTAL_GROUP, UNKNOWN_GROUP, ...BROAD_GROUPS.map(broadGroup)];

  function randomTable(area: string): Observation[] {
    const cells: Cell[] = groups.slice(1).map(() => (random() < 0.15 ? { value: null, symbol: "c" } : { value: int(40), symbol: null }));
    const total = cells.reduce((s, c) => s + (c.value ?? 3), 0);
    return groups.map((group, i) => ({
      datasetId: "cla-by-ethnicity",
      stage: "cla",
      source: "random.csv",
      synthetic: false,
      period: "2025",
      year: 2025,
      areaCode: area,
      areaName: area,
      geography: "local authority" as const,
      group,
      level: null,
      childrenData: true,
      publishedBySource: true,
      countRounding: null,
      count: i === 0 ? { value: total, symbol: null } : cells[i - 1]!,
    }));
  }

  it("when random tables are suppressed, then no family is left with exactly one hidden cell", () => {
    for (let i = 0; i < 300; i++) {
      const out = applyDisclosureControl(randomTable("E09000012"));
      for (const f of groupFamilies(out)) {
        const hidden = [f.parent, ...f.members].filter((o) => o.hidden).length;
        assert.notEqual(hidden, 1);
      }
    }
  });

  it("when random tables go through the whole analysis, then no output number reveals a hidden count", () => {
    for (let i = 0; i < 100; i++) {
      const numer = randomTable("E09000025");
      const pupils = groups.map((group, j) => ({
        ...numer[j]!,
        datasetId: "spc-pupils-by-ethnicity",
        stage: "pupils",
        source: "pupils.csv",
        count: { value: 1000 + int(5000), symbol: null },
      }));
      pupils[0]!.count = { value: pupils.slice(1).reduce((s, o) => s + o.count.value!, 0), symbol: null };
      const result = analyseLoaded([loadedFile([...numer, ...pupils], [], "random.csv")]);
      const hiddenGroups = new Set(
        applyDisclosureControl(numer)
          .filter((o) => o.hidden)
          .map((o) => o.group.name),
      );
      const json = toContractJson(result);
      for (const m of json.measures.filter((x) => x.measure === "cla-rate-per-pupil")) {
        if (hiddenGroups.has(m.group)) {
          assert.equal(m.suppressed, true);
          assert.deepEqual([m.numerator, m.value, m.ci_low, m.ci_high, m.ratio], [null, null, null, null, null]);
        }
      }
      // Whatever is shown, the hidden cells cannot be recovered as total minus the shown groups.
      const shown = json.measures.filter((x) => x.measure === "cla-rate-per-pupil" && x.group !== "All" && !x.suppressed).length;
      const hiddenCount = json.measures.filter((x) => x.measure === "cla-rate-per-pupil" && x.group !== "All" && x.suppressed).length;
      const unknownShown = json.measures.some((x) => x.measure === "cla-rate-per-pupil-unknown-ethnicity" && !x.suppressed);
      assert.notEqual(hiddenCount + (unknownShown ? 0 : 1), 1, `shown ${shown}`);
      for (const h of result.headlines) assert.ok(!hiddenGroups.has(h.group) && !hiddenGroups.has(h.referenceGroup));
    }
  });
});

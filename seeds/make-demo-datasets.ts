/**
 * Makes SYNTHETIC demo datasets in seeds/data/, in the same tidy shapes as the DfE files the analysis
 * reads, so the app has disparity headlines to show without the real files. Nothing here is real:
 * every file name starts with "synthetic_", every file opens with a "# SYNTHETIC" comment line and has
 * a data_status column saying "synthetic", and any headline drawn from them says so.
 *
 * Deterministic: a seeded PRNG (mulberry32) so the same files come out every run.
 *   npm run seed:data            writes seeds/data/*.csv
 * Group sizes and rates are invented round numbers with built-in disparities; small counts (1-5) are
 * written as 'c', as DfE would, to exercise disclosure control.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { BOROUGHS } from "../src/domain/boroughs";

const OUT = path.resolve(__dirname, "data");
const YEARS = [2023, 2024, 2025];
const COMMENT = "# SYNTHETIC demo data made by seeds/make-demo-datasets.ts (seeded PRNG). Not real figures; do not quote.";

/** mulberry32: small, fast, good enough for demo data (Tommy Ettinger, public domain). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Poisson draw (Knuth for small means, normal approximation for large). */
function poisson(random: () => number, mean: number): number {
  if (mean > 50) {
    const u = Math.max(random(), 1e-12);
    const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
    return Math.max(0, Math.round(mean + Math.sqrt(mean) * z));
  }
  const limit = Math.exp(-mean);
  let k = 0;
  for (let p = random(); p > limit; p *= random()) k++;
  return k;
}

/** DfE minor groups (school census labels) with invented pupil shares and outcome multipliers. */
const GROUPS: { label: string; share: number; social: number; exclusion: number; sen: number }[] = [
  { label: "White - White British", share: 0.22, social: 1, exclusion: 1, sen: 1 },
  { label: "White - Irish", share: 0.01, social: 0.9, exclusion: 0.9, sen: 1 },
  { label: "White - Traveller of Irish heritage", share: 0.002, social: 2.5, exclusion: 3, sen: 1.6 },
  { label: "White - Gypsy/Roma", share: 0.006, social: 2, exclusion: 3, sen: 1.5 },
  { label: "White - Any other White background", share: 0.12, social: 0.6, exclusion: 0.7, sen: 0.8 },
  { label: "Mixed - White and Black Caribbean", share: 0.03, social: 2.2, exclusion: 2.4, sen: 1.3 },
  { label: "Mixed - White and Black African", share: 0.015, social: 1.5, exclusion: 1.5, sen: 1.1 },
  { label: "Mixed - White and Asian", share: 0.015, social: 1.2, exclusion: 0.9, sen: 1 },
  { label: "Mixed - Any other Mixed background", share: 0.04, social: 1.5, exclusion: 1.3, sen: 1 },
  { label: "Asian - Indian", share: 0.05, social: 0.2, exclusion: 0.25, sen: 0.6 },
  { label: "Asian - Pakistani", share: 0.06, social: 0.3, exclusion: 0.5, sen: 0.9 },
  { label: "Asian - Bangladeshi", share: 0.12, social: 0.35, exclusion: 0.4, sen: 0.9 },
  { label: "Asian - Chinese", share: 0.008, social: 0.15, exclusion: 0.15, sen: 0.5 },
  { label: "Asian - Any other Asian background", share: 0.04, social: 0.3, exclusion: 0.3, sen: 0.7 },
  { label: "Black - Black Caribbean", share: 0.04, social: 1.8, exclusion: 2.7, sen: 1.3 },
  { label: "Black - Black African", share: 0.14, social: 0.9, exclusion: 1.1, sen: 1 },
  { label: "Black - Any other Black background", share: 0.03, social: 1.6, exclusion: 1.6, sen: 1.2 },
  { label: "Any other ethnic group", share: 0.04, social: 1.2, exclusion: 0.8, sen: 0.9 },
  { label: "Unclassified", share: 0.014, social: 1, exclusion: 1, sen: 1 },
];

const GEO = "geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name";
const INNER = new Set(["E09000001", "E09000012", "E09000025", "E09000030"]);

function geo(b: (typeof BOROUGHS)[number]): string {
  const [rc, rn] = INNER.has(b.code) ? ["E13000001", "Inner London"] : ["E13000002", "Outer London"];
  return `Local authority,E92000001,England,${rc},${rn},${b.oldCode},${b.code},${b.name}`;
}

/** A count as DfE would publish it at LA level: small non-zero counts become 'c'. */
function published(n: number): string {
  return n >= 1 && n <= 5 ? "c" : String(n);
}

function csv(file: string, header: string, rows: string[]): void {
  writeFileSync(path.join(OUT, file), [COMMENT, `${header},data_status`, ...rows.map((r) => `${r},synthetic`)].join("\n") + "\n");
}

function quote(text: string): string {
  return /[",]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function makeDemoDatasets(seed = 20261129): string[] {
  const random = mulberry32(seed);
  mkdirSync(OUT, { recursive: true });
  const pupils: string[] = [];
  const cinCpp: string[] = [];
  const cla: string[] = [];
  const sen: string[] = [];
  const excl: string[] = [];
  const yj: string[] = [];
  const population: string[] = [];
  for (const b of BOROUGHS) {
    const size = b.code === "E09000001" ? 300 : 30_000 + Math.floor(random() * 20_000);
    for (const year of YEARS) {
      const academic = `${year - 1}${String(year).slice(2)}`;
      const counts = GROUPS.map((g) => Math.max(0, poisson(random, size * g.share)));
      const total = counts.reduce((s, n) => s + n, 0);
      GROUPS.forEach((g, i) =>
        pupils.push(`${academic},Academic year,${geo(b)},Total,${quote(g.label)},Total,${counts[i]},${((100 * counts[i]!) / total).toFixed(1)}`),
      );
      pupils.push(`${academic},Academic year,${geo(b)},Total,Total,Total,${total},100`);
      population.push(`${year - 1},Reporting year,${geo(b)},Children aged 0 to 17 years,${Math.round(total * 1.45)}`);
      const sums = { cin: 0, cpp: 0, cla: 0, sup: 0, ehc: 0, hc: 0, susp: 0, perm: 0 };
      GROUPS.forEach((g, i) => {
        const n = counts[i]!;
        const cin = poisson(random, (n * 0.03 * g.social) / 1);
        const cpp = Math.min(cin, poisson(random, cin * 0.14 * (g.social > 1.5 ? 1.2 : 1)));
        const claN = Math.min(cin, poisson(random, n * 0.006 * g.social));
        const sup = poisson(random, n * 0.11 * g.sen);
        const ehc = poisson(random, n * 0.035 * g.sen);
        const susp = poisson(random, n * 0.03 * g.exclusion);
        const perm = Math.min(susp, poisson(random, n * 0.0008 * g.exclusion));
        Object.assign(sums, {
          cin: sums.cin + cin,
          cpp: sums.cpp + cpp,
          cla: sums.cla + claN,
          sup: sums.sup + sup,
          ehc: sums.ehc + ehc,
          hc: sums.hc + n,
          susp: sums.susp + susp,
          perm: sums.perm + perm,
        });
        cinCpp.push(`${year},Reporting year,${geo(b)},Ethnicity minor,${quote(g.label)},${published(cin)},${published(cpp)}`);
        cla.push(`${year},Reporting year,${geo(b)},Ethnicity,${quote(g.label)},${published(claN)},`);
        sen.push(
          `${academic},Academic year,${geo(b)},Total,${quote(g.label)},Total,${n}`,
          `${academic},Academic year,${geo(b)},Total,${quote(g.label)},SEN support,${published(sup)}`,
          `${academic},Academic year,${geo(b)},Total,${quote(g.label)},EHC plan,${published(ehc)}`,
        );
        excl.push(`${academic},Academic year,${geo(b)},Total,${quote(g.label)},${n},${published(susp)},${published(perm)}`);
      });
      cinCpp.push(`${year},Reporting year,${geo(b)},Ethnicity minor,Total,${sums.cin},${sums.cpp}`);
      cla.push(`${year},Reporting year,${geo(b)},Ethnicity,Total children,${sums.cla},`);
      excl.push(`${academic},Academic year,${geo(b)},Total,Total,${sums.hc},${sums.susp},${sums.perm}`);
      for (const major of ["White", "Mixed", "Asian", "Black", "Other", "Unknown"]) {
        const idx = GROUPS.map((g, i) => [g, i] as const).filter(([g]) =>
          major === "Other" ? g.label.startsWith("Any other ethnic") : major === "Unknown" ? g.label === "Unclassified" : g.label.startsWith(major),
        );
        const pop = Math.round(idx.reduce((s, [, i]) => s + counts[i]!, 0) * 0.9);
        const mult =
          idx.reduce((s, [g, i]) => s + g.exclusion * counts[i]!, 0) /
          Math.max(
            1,
            idx.reduce((s, [, i]) => s + counts[i]!, 0),
          );
        const fte = poisson(random, pop * 0.0025 * mult);
        const custody = Math.min(fte, poisson(random, fte * 0.08 * mult));
        yj.push(
          `${year},Reporting year,${geo(b)},${major},Population aged 10 to 17,${pop}`,
          `${year},Reporting year,${geo(b)},${major},First time entrant,${published(fte)}`,
          `${year},Reporting year,${geo(b)},${major},Custodial sentence,${published(custody)}`,
        );
      }
    }
  }
  const tidy = `time_period,time_identifier,${GEO}`;
  const files: [string, string, string[]][] = [
    ["synthetic_spc_pupils_by_ethnicity.csv", `${tidy},phase_type_grouping,ethnicity,language,headcount,percent_of_pupils`, pupils],
    ["synthetic_ons_population_0_17.csv", `${tidy},age_group,population_estimate`, population],
    ["synthetic_cin_cpp_by_ethnicity.csv", `${tidy},breakdown_topic,breakdown,cin_at31_count,cpp_at31_count`, cinCpp],
    ["synthetic_cla_by_ethnicity.csv", `${tidy},cla_group,characteristic,number,percentage`, cla],
    ["synthetic_sen_by_ethnicity.csv", `${tidy},phase_type_grouping,ethnicity,sen_provision,number_of_pupils`, sen],
    ["synthetic_exclusions_by_ethnicity.csv", `${tidy},education_phase,ethnicity_minor,headcount,one_plus,perm_excl`, excl],
    ["synthetic_youth_justice_by_ethnicity.csv", `${tidy},ethnicity,yj_stage,children`, yj],
  ];
  for (const [name, header, rows] of files) csv(name, header, rows);
  return files.map(([name]) => path.join(OUT, name));
}

if (require.main === module) {
  for (const f of makeDemoDatasets()) process.stdout.write(`wrote ${path.relative(process.cwd(), f)}\n`);
}

import { z } from "zod";
import json from "./catalogue.json";
import { schemeNames } from "./ethnicity";

const filters = z.record(z.string(), z.array(z.string())).optional();

const baseSchema = z.object({
  description: z.string(),
  /** Periods are compared only within one series; defaults to the dataset id. */
  series: z.string().optional(),
  /** Changes of coverage within the file: from this year on, another series, and why. */
  breaks: z.array(z.object({ fromYear: z.number().int(), series: z.string(), note: z.string() })).optional(),
});

const datasetSchema = z.object({
  id: z.string(),
  title: z.string(),
  match: z.object({ headers: z.array(z.string()).min(1), fileName: z.string().optional() }),
  period: z.object({
    column: z.string().optional(),
    fixed: z.string().optional(),
    yearOffset: z.number().int().optional(),
    labelPrefix: z.string().optional(),
  }),
  filters,
  level: z.object({ column: z.string(), rename: z.record(z.string(), z.string()).optional() }).optional(),
  ethnicity: z
    .object({ scheme: z.string(), column: z.string().optional(), columns: z.array(z.string()).optional() })
    .refine((e) => Boolean(e.column) !== Boolean(e.columns), "give either column or columns")
    .optional(),
  counts: z.array(z.object({ stage: z.string(), column: z.string().optional(), filters })).min(1),
  /** The source's own figures beside the counts: a rate (per the measure's unit) or a share of the table's total. */
  published: z.array(z.object({ stage: z.string(), column: z.string(), kind: z.enum(["rate", "share"]).default("rate"), filters })).optional(),
  /** Counts at national and regional level are rounded by the source to the nearest N (DfE: 5 or 10). */
  roundedNationalCounts: z.number().optional(),
  /**
   * The source itself published these counts (an official release). A borough's own files, synthetic
   * demo files and statutory returns are unpublished: their counts from 1 to 9 are suppressed, with
   * secondary suppression, before anything is computed or stored. Default: unpublished.
   */
  publishedBySource: z.boolean().default(false),
  /** What each stage the file counts is, as a base for rates: plain words, and the series (source and coverage) it belongs to. */
  bases: z.record(z.string(), baseSchema).optional(),
  childrenData: z.boolean().default(true),
  supersededBy: z.string().optional(),
});

const unit = z.enum(["per 10,000", "per 100", "%"]);
const topic = z.enum(["population", "education", "send", "social-care", "health", "youth-justice", "workforce"]);

const catalogueSchema = z.object({
  datasets: z.array(datasetSchema),
  measures: z.array(
    z.object({
      id: z.string(),
      topic,
      title: z.string(),
      outcome: z.string(),
      numerator: z.string(),
      /** The one base the rate is divided by: a rate whose named base is missing is not computed (no fallback). */
      denominator: z.string(),
      unit,
    }),
  ),
  /** Composition: each group's share of a table's total (e.g. children looked after, residents by ethnic group). */
  shares: z.array(z.object({ id: z.string(), topic, title: z.string(), stage: z.string(), note: z.string().optional() })).default([]),
  ladders: z.array(
    z.object({
      id: z.string(),
      topic,
      title: z.string(),
      steps: z.array(z.object({ stage: z.string(), base: z.string(), label: z.string(), unit })).min(1),
    }),
  ),
  workforce: z.object({
    stage: z.string(),
    topic,
    population: z.string(),
    totalLevel: z.string(),
    levels: z.array(z.string()),
  }),
});

export type Catalogue = z.infer<typeof catalogueSchema>;
export type DatasetSpec = Catalogue["datasets"][number];
export type MeasureSpec = Catalogue["measures"][number];
export type LadderSpec = Catalogue["ladders"][number];
export type ShareSpec = Catalogue["shares"][number];
export type BaseSpec = z.infer<typeof baseSchema>;
export type Topic = z.infer<typeof topic>;
export type Unit = z.infer<typeof unit>;

/** Validates a catalogue (the built-in one, or a borough's extended copy). */
export function parseCatalogue(value: unknown): Catalogue {
  const catalogue = catalogueSchema.parse(value);
  const schemes = new Set(schemeNames());
  for (const d of catalogue.datasets) {
    if (d.ethnicity && !schemes.has(d.ethnicity.scheme)) throw new Error(`dataset ${d.id}: unknown ethnicity scheme ${d.ethnicity.scheme}`);
    if (!d.period.column && !d.period.fixed) throw new Error(`dataset ${d.id}: period needs a column or a fixed value`);
  }
  return catalogue;
}

export const CATALOGUE: Catalogue = parseCatalogue(json);

/** The dataset whose header signature the file has; the most specific match wins. */
export function matchDataset(catalogue: Catalogue, header: readonly string[], fileName: string): DatasetSpec | undefined {
  const have = new Set(header.map((h) => h.toLowerCase()));
  const hits = catalogue.datasets.filter(
    (d) => d.match.headers.every((h) => have.has(h.toLowerCase())) && (!d.match.fileName || new RegExp(d.match.fileName, "i").test(fileName)),
  );
  return hits.sort((a, b) => b.match.headers.length - a.match.headers.length)[0];
}

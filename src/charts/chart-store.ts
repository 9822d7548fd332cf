import { guardStorage } from "../storage/guard-storage";
import { randomBytes } from "node:crypto";
import type { TableClient } from "@azure/data-tables";
import { HubError } from "../domain/errors";
import type { ForestPlot } from "./forest-plot";

/**
 * Forest plots the cards show as images, kept at unguessable addresses: a card's image is fetched by
 * the Teams client without a token, so each address holds only what the card already prints (published,
 * suppressed aggregates: ratios, intervals, labels, source and period), and a guess finds nothing.
 */
export interface ChartStore {
  /** Keeps a plot and returns its id: 128 random bits in hex. */
  save(plot: ForestPlot): Promise<string>;
  get(id: string): Promise<ForestPlot | undefined>;
}

const ROW = "plot";
const MAX_CHARS = 30_000; // a string property holds 64 KiB (UTF-16)
export const CHART_ID = /^[0-9a-f]{32}$/;

export class TableChartStore implements ChartStore {
  constructor(private readonly client: TableClient) {}

  save(plot: ForestPlot): Promise<string> {
    return guardStorage(() => this.saveUnguarded(plot));
  }

  private async saveUnguarded(plot: ForestPlot): Promise<string> {
    const json = JSON.stringify(plot);
    if (json.length > MAX_CHARS) throw new HubError("too-large", "The chart holds too many rows to keep.");
    const id = randomBytes(16).toString("hex");
    await this.client.createEntity({ partitionKey: id, rowKey: ROW, plot: json });
    return id;
  }

  get(id: string): Promise<ForestPlot | undefined> {
    return guardStorage(() => this.getUnguarded(id));
  }

  private async getUnguarded(id: string): Promise<ForestPlot | undefined> {
    if (!CHART_ID.test(id)) return undefined;
    try {
      const entity = await this.client.getEntity<{ plot: string }>(id, ROW);
      return JSON.parse(entity.plot) as ForestPlot;
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode === 404) return undefined;
      throw error;
    }
  }
}

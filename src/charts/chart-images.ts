import { forestPlotSpec, type ForestPlot } from "./forest-plot";
import { chartPng, chartSvg } from "./render-chart";

/** A forest plot drawn as SVG (for the tab) or PNG (for cards), from one spec: the same picture. */
export async function forestPlotImage(plot: ForestPlot, format: "svg" | "png"): Promise<Buffer> {
  const svg = await chartSvg(forestPlotSpec(plot));
  return format === "svg" ? Buffer.from(svg, "utf8") : chartPng(svg);
}

/**
 * Recently drawn chart images by id. A chart's figures never change under its id, so a copy is as
 * good as a fresh drawing; this is a cache only (any instance can draw any chart from storage).
 */
export class ImageCache {
  private readonly images = new Map<string, Buffer>();
  constructor(private readonly limit = 32) {}

  async get(key: string, draw: () => Promise<Buffer>): Promise<Buffer> {
    const hit = this.images.get(key);
    if (hit) {
      this.images.delete(key);
      this.images.set(key, hit);
      return hit;
    }
    const image = await draw();
    this.images.set(key, image);
    if (this.images.size > this.limit) this.images.delete(this.images.keys().next().value!);
    return image;
  }
}

import { PNG } from "pngjs";

/** What a forest plot's PNG shows, read from its pixels: interval bands and the reference line. */
export interface PlotPixels {
  width: number;
  height: number;
  /** One per horizontal band of interval colour, top to bottom: leftmost and rightmost pixel. */
  intervals: { top: number; bottom: number; left: number; right: number }[];
  /** The column holding the most reference-line pixels, and how many rows it covers. */
  reference: { x: number; length: number } | undefined;
}

function near(r: number, g: number, b: number, [R, G, B]: readonly [number, number, number], tolerance = 40): boolean {
  return Math.abs(r - R) < tolerance && Math.abs(g - G) < tolerance && Math.abs(b - B) < tolerance;
}

export function hexRgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** Decodes a PNG and finds the pixels of the interval and reference colours. */
export function readPlot(png: Buffer, colours: { interval: string; reference: string }): PlotPixels {
  const image = PNG.sync.read(png);
  const { width, height, data } = image;
  const interval = hexRgb(colours.interval);
  const reference = hexRgb(colours.reference);
  const rows: { y: number; left: number; right: number }[] = [];
  const columns = new Map<number, number>();
  for (let y = 0; y < height; y++) {
    let left = -1;
    let right = -1;
    let count = 0;
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const [r, g, b] = [data[i]!, data[i + 1]!, data[i + 2]!];
      if (near(r, g, b, interval)) {
        count++;
        if (left < 0) left = x;
        right = x;
      }
      if (near(r, g, b, reference, 30)) columns.set(x, (columns.get(x) ?? 0) + 1);
    }
    if (count >= 3) rows.push({ y, left, right });
  }
  const intervals: PlotPixels["intervals"] = [];
  for (const row of rows) {
    const last = intervals[intervals.length - 1];
    if (last && row.y === last.bottom + 1) {
      last.bottom = row.y;
      last.left = Math.min(last.left, row.left);
      last.right = Math.max(last.right, row.right);
    } else intervals.push({ top: row.y, bottom: row.y, left: row.left, right: row.right });
  }
  const best = [...columns.entries()].sort((a, b) => b[1] - a[1])[0];
  return { width, height, intervals, reference: best ? { x: best[0], length: best[1] } : undefined };
}

import { writeFileSync } from "node:fs";
import path from "node:path";
import { PNG } from "pngjs";

/**
 * Draws the Teams app icons with pngjs: a colour icon (192 x 192, white bar chart on the accent
 * colour) and an outline icon (32 x 32, white on transparent), as Teams asks. `npm run icons`
 * writes them into manifest/; the PNGs are committed.
 */

export const ACCENT = { r: 0x1f, g: 0x4e, b: 0x79 };
const WHITE = { r: 255, g: 255, b: 255 };

type Rgb = typeof WHITE;

function blank(size: number): PNG {
  const png = new PNG({ width: size, height: size, colorType: 6 });
  png.data.fill(0);
  return png;
}

function fillRect(png: PNG, x0: number, y0: number, w: number, h: number, c: Rgb): void {
  for (let y = Math.max(0, y0); y < Math.min(png.height, y0 + h); y++) {
    for (let x = Math.max(0, x0); x < Math.min(png.width, x0 + w); x++) {
      const i = (y * png.width + x) * 4;
      png.data[i] = c.r;
      png.data[i + 1] = c.g;
      png.data[i + 2] = c.b;
      png.data[i + 3] = 255;
    }
  }
}

/** Three rising bars on a baseline, scaled to the icon: the data the hub shares. */
function drawBars(png: PNG, unit: number, left: number, bottom: number): void {
  const heights = [5, 8, 11];
  heights.forEach((h, i) => fillRect(png, left + i * 4 * unit, bottom - h * unit, 3 * unit, h * unit, WHITE));
  fillRect(png, left - unit, bottom + unit, 13 * unit, unit, WHITE);
}

export function drawColourIcon(): Buffer {
  const png = blank(192);
  fillRect(png, 0, 0, 192, 192, ACCENT);
  drawBars(png, 10, 36, 142);
  return PNG.sync.write(png);
}

export function drawOutlineIcon(): Buffer {
  const png = blank(32);
  drawBars(png, 2, 4, 26);
  return PNG.sync.write(png);
}

if (require.main === module) {
  const dir = path.resolve(__dirname, "..", "manifest");
  writeFileSync(path.join(dir, "color.png"), drawColourIcon());
  writeFileSync(path.join(dir, "outline.png"), drawOutlineIcon());
  console.log(`Icons written to ${dir}`);
}

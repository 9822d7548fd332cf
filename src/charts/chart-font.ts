import { readFileSync } from "node:fs";
import { parse, type Font } from "opentype.js";

/**
 * The one font every chart is measured and drawn with: DejaVu Sans, shipped as TrueType files in the
 * dejavu-fonts-ttf npm package, so a fresh machine (npm start or CI) has it without any system font.
 */
export const CHART_FONT_FAMILY = "DejaVu Sans";

export const CHART_FONT_FILES = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"].map((f) => require.resolve(`dejavu-fonts-ttf/ttf/${f}`));

let regular: Font | undefined;

function font(): Font {
  if (!regular) {
    const bytes = readFileSync(CHART_FONT_FILES[0]!);
    regular = parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  }
  return regular;
}

const advance = new Map<string, number>();

/**
 * Width in pixels of a line of text in the chart font: the sum of each character's advance width
 * (bold is about 10% wider). Kerning moves Latin text by a pixel or two; labels keep a margin for it.
 */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let units = 0;
  for (const char of text) {
    let width = advance.get(char);
    if (width === undefined) {
      width = font().charToGlyph(char).advanceWidth ?? font().unitsPerEm * 0.6;
      advance.set(char, width);
    }
    units += width;
  }
  return ((units * fontSize) / font().unitsPerEm) * (bold ? 1.1 : 1);
}

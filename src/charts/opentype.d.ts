/** The part of opentype.js (which ships no types) the charts use: a font's glyph advance widths. */
declare module "opentype.js" {
  export interface Glyph {
    advanceWidth?: number;
  }
  export interface Font {
    unitsPerEm: number;
    charToGlyph(char: string): Glyph;
  }
  export function parse(buffer: ArrayBuffer): Font;
}

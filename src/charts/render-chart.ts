import { CHART_FONT_FAMILY, CHART_FONT_FILES, textWidth } from "./chart-font";

type Vega = typeof import("vega", { with: { "resolution-mode": "import" } });
type VegaLite = typeof import("vega-lite", { with: { "resolution-mode": "import" } });

/** Vega's text measurer, which its typings leave out; replacing `width` is its documented hook. */
interface TextMetrics {
  width: (item: { fontSize?: number; fontWeight?: string | number }, text: string) => number;
}

let libraries: Promise<{ vega: Vega; vl: VegaLite }> | undefined;

/** vega and vega-lite are ES modules: loaded once, on the first chart, with their text measured in our font. */
function load(): Promise<{ vega: Vega; vl: VegaLite }> {
  libraries ??= Promise.all([import("vega"), import("vega-lite")]).then(([vega, vl]) => {
    // Vega measures labels with a canvas when it has one, else guesses 0.8 em a character; measuring
    // in the font resvg draws with makes labels fit exactly (vl-convert does the same).
    (vega as unknown as { textMetrics: TextMetrics }).textMetrics.width = (item, text) =>
      textWidth(String(text ?? ""), item.fontSize ?? 11, item.fontWeight === "bold" || Number(item.fontWeight) >= 600);
    return { vega, vl };
  });
  return libraries;
}

/** A Vega-Lite spec drawn as SVG on the server (no browser, no canvas). */
export async function chartSvg(spec: Record<string, unknown>): Promise<string> {
  const { vega, vl } = await load();
  const compiled = vl.compile(spec as never).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: "none", logLevel: vega.Error });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** SVG to PNG with resvg (its binary ships in the npm package), in the chart font only. */
export async function chartPng(svg: string, zoom = 1.5): Promise<Buffer> {
  const { Resvg } = await import("@resvg/resvg-js");
  const resvg = new Resvg(svg, {
    fitTo: { mode: "zoom", value: zoom },
    font: { fontFiles: CHART_FONT_FILES, loadSystemFonts: false, defaultFontFamily: CHART_FONT_FAMILY },
    background: "white",
  });
  return resvg.render().asPng();
}

import assert from "node:assert/strict";
import type { Browser } from "playwright-core";
import { FOREST_COLOURS, drawn, forestPlotAlt, forestPlotSpec, wrap, type ForestPlot } from "../../src/charts/forest-plot";
import { textWidth } from "../../src/charts/chart-font";
import { chartPng, chartSvg } from "../../src/charts/render-chart";
import { launchChromium, needChromium } from "../support/browser";
import { readPlot } from "./image-check";

const BOROUGHS = ["Barking and Dagenham", "City of London with Hackney", "Havering", "Newham", "Redbridge", "Tower Hamlets", "Waltham Forest", "Hackney"];

/** Eight boroughs' findings, one suppressed, intervals from narrow to wide on both sides of 1. */
const PLOT: ForestPlot = {
  title: "Data headlines: times as likely as the reference group",
  source: "DfE Children looked after in England including adoptions; DfE Suspensions and permanent exclusions in England",
  period: "2023/24, 2024",
  rows: BOROUGHS.map((borough, i) =>
    i === 3
      ? { label: `Gypsy/Roma pupils, ${borough}: Pupils permanently excluded`, ratio: null, low: null, high: null, suppressed: true }
      : {
          label: `${i % 2 ? "Mixed White and Black Caribbean" : "Black Caribbean"}, ${borough}: Children looked after on 31 March`,
          ratio: [2.1, 0.42, 1.3, 0, 3.6, 1.9, 0.7, 1.28][i]!,
          low: [1.52, 0.3, 1.26, 0, 2.2, 1.1, 0.55, 1.05][i]!,
          high: [2.9, 0.6, 1.34, 0, 5.9, 3.3, 0.89, 1.56][i]!,
          suppressed: false,
        },
  ),
};

describe("forest plot (Vega-Lite drawn on the server, rasterised with resvg)", function () {
  this.timeout(60000);
  let svg: string;
  let png: Buffer;
  const ZOOM = 1.5;

  before(async () => {
    svg = await chartSvg(forestPlotSpec(PLOT));
    png = await chartPng(svg, ZOOM);
  });

  it("when eight boroughs' findings are drawn, then the PNG decodes to a picture of sensible size and weight", () => {
    const pixels = readPlot(png, FOREST_COLOURS);
    const svgWidth = Number(/<svg[^>]* width="(\d+(?:\.\d+)?)"/.exec(svg)![1]);
    const svgHeight = Number(/<svg[^>]* height="(\d+(?:\.\d+)?)"/.exec(svg)![1]);
    assert.equal(pixels.width, Math.round(svgWidth * ZOOM));
    assert.equal(pixels.height, Math.round(svgHeight * ZOOM));
    assert.ok(pixels.width >= 900 && pixels.width <= 1400, `width ${pixels.width}`);
    assert.ok(pixels.height >= 400 && pixels.height <= 900, `height ${pixels.height}`);
    assert.ok(png.length < 150 * 1024, `${png.length} bytes`);
  });

  /** Least squares of pixel x on ln(value) over both ends of every interval: x = a + k ln(value). */
  function fitAxis() {
    const { intervals, reference } = readPlot(png, FOREST_COLOURS);
    const shown = PLOT.rows.filter(drawn);
    const points = intervals.flatMap((band, i) => [
      { v: Math.log(shown[i]!.low), x: band.left + 1.5 * ZOOM },
      { v: Math.log(shown[i]!.high), x: band.right - 1.5 * ZOOM },
    ]);
    const mv = points.reduce((s, p) => s + p.v, 0) / points.length;
    const mx = points.reduce((s, p) => s + p.x, 0) / points.length;
    const k = points.reduce((s, p) => s + (p.v - mv) * (p.x - mx), 0) / points.reduce((s, p) => s + (p.v - mv) ** 2, 0);
    return { intervals, reference, shown, points, k, a: mx - k * mv };
  }

  it("when the image is decoded, then every group shown has its interval drawn to scale on a log axis", () => {
    const { intervals, shown, points, k, a } = fitAxis();
    assert.equal(intervals.length, shown.length, "one interval band per group shown, none for the suppressed cell");
    assert.ok(k > 50, `a log axis of ${k.toFixed(1)} px per e-fold`);
    // Every end of every interval sits where one log scale puts it, whatever its row.
    for (const p of points) assert.ok(Math.abs(p.x - (a + k * p.v)) <= 3, `end at ${p.x}, log scale puts it at ${(a + k * p.v).toFixed(1)}`);
    for (const band of intervals) assert.ok(band.right - band.left >= 6, "even a narrow interval shows");
  });

  it("when the image is decoded, then the reference line stands at 1 and runs the height of the plot", () => {
    const { intervals, reference, a } = fitAxis();
    assert.ok(reference, "a reference line");
    assert.ok(Math.abs(reference.x - a) <= 3, `reference at ${reference.x}, 1 maps to ${a.toFixed(1)}`);
    assert.ok(reference.length >= intervals[intervals.length - 1]!.bottom - intervals[0]!.top, "it spans every row");
  });

  it("when the plot is drawn, then every label is whole (wrapped, never cut) and the suppressed cell is named", () => {
    const texts = [...svg.matchAll(/<text[^>]*>([\s\S]*?)<\/text>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, " "));
    assert.ok(!texts.some((t) => t.includes("…")), "no label was truncated");
    const all = texts.join(" ").replace(/\s+/g, " ");
    for (const row of PLOT.rows) for (const word of row.label.split(" ")) assert.ok(all.includes(word.replace("&", "&amp;")), `"${word}" of ${row.label}`);
    assert.match(all, /suppressed \(small numbers\)/);
    assert.match(all, /Source: DfE Children looked after/);
    assert.match(all, /Period: 2023\/24, 2024/);
    assert.match(all, /2\.10 \(1\.52 to 2\.90\)/);
  });

  it("when text is wrapped, then no line is wider than asked", () => {
    const lines = wrap("Mixed White and Black Caribbean, City of London with Hackney: Children looked after on 31 March", 200);
    assert.ok(lines.length >= 3);
    for (const line of lines) assert.ok(textWidth(line, 12) <= 200 || !line.includes(" "), line);
  });

  it("when the text alternative is read, then it names every group's figure, the suppressed cell, the source and period", () => {
    const alt = forestPlotAlt(PLOT);
    assert.match(alt, /Black Caribbean, Barking and Dagenham: Children looked after on 31 March: ratio 2\.10, 95% interval 1\.52 to 2\.90/);
    assert.match(alt, /Gypsy\/Roma pupils, Newham: Pupils permanently excluded: suppressed \(small numbers\)/);
    assert.match(alt, /reference line at 1/);
    assert.match(alt, /Period: 2023\/24, 2024/);
  });

  describe("in Chromium", () => {
    let browser: Browser;
    before(async function () {
      needChromium(this);
      browser = await launchChromium();
    });
    after(async () => browser?.close());

    it("when Chromium shows the PNG and the SVG, then both decode at their size and every text lies inside the picture", async () => {
      const page = await browser.newPage();
      await page.setContent(`<img id="png" src="data:image/png;base64,${png.toString("base64")}"><div id="svg">${svg}</div>`);
      await page.waitForFunction(() => (document.getElementById("png") as HTMLImageElement).complete);
      const decoded = await page.evaluate(() => {
        const img = document.getElementById("png") as HTMLImageElement;
        return { width: img.naturalWidth, height: img.naturalHeight };
      });
      const pixels = readPlot(png, FOREST_COLOURS);
      assert.deepEqual(decoded, { width: pixels.width, height: pixels.height });
      const outside = await page.evaluate(() => {
        const root = document.querySelector("#svg svg") as SVGSVGElement;
        const box = root.getBoundingClientRect();
        return Array.from(root.querySelectorAll("text"))
          .map((t) => ({ text: t.textContent ?? "", r: t.getBoundingClientRect() }))
          .filter(({ r }) => r.width > 0 && (r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5))
          .map(({ text }) => text);
      });
      assert.deepEqual(outside, [], "text drawn outside the picture");
      await page.close();
    });
  });
});

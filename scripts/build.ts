import { readdirSync } from "node:fs";
import path from "node:path";
import { buildTab } from "./build-tab";

/**
 * `npm run build` (run by `npm start` first): the server's TypeScript transpiled file by file into
 * build/src with esbuild (a second or two; types are checked by `npm run typecheck` and CI, not here),
 * and the tab bundled into build/tab. Running compiled JavaScript keeps the service's memory and start
 * time down against running it through a TypeScript loader.
 */
const ROOT = path.resolve(__dirname, "..");

async function buildServer(): Promise<number> {
  const { build } = await import("esbuild");
  const src = path.join(ROOT, "src");
  const entryPoints = (readdirSync(src, { recursive: true }) as string[])
    .filter((f) => !f.startsWith(`tab${path.sep}`) && ((f.endsWith(".ts") && !f.endsWith(".d.ts")) || f.endsWith(".json")))
    .map((f) => path.join(src, f));
  await build({
    entryPoints,
    outdir: path.join(ROOT, "build", "src"),
    outbase: src,
    platform: "node",
    format: "cjs",
    target: "node20",
    sourcemap: true,
    loader: { ".json": "copy" },
    logLevel: "warning",
  });
  // The demo (npm start on a fresh install) makes its synthetic statutory returns with the seeds' generator.
  const seeds = ["make-returns.ts", "make-demo-datasets.ts"].map((f) => path.join(ROOT, "seeds", f));
  await build({
    entryPoints: seeds,
    outdir: path.join(ROOT, "build", "seeds"),
    outbase: path.join(ROOT, "seeds"),
    platform: "node",
    format: "cjs",
    target: "node20",
    sourcemap: true,
    logLevel: "warning",
  });
  return entryPoints.length + seeds.length;
}

async function main(): Promise<void> {
  const started = Date.now();
  const files = await buildServer();
  await buildTab();
  console.log(`Built ${files} server files into build/src and the tab into build/tab in ${Date.now() - started} ms`);
}

main().catch((error: unknown) => {
  console.error(`Build failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

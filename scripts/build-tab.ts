import { copyFileSync, existsSync, mkdirSync, readdirSync } from "node:fs";
import path from "node:path";

/**
 * `npm run build:tab` (run by `npm start` first): bundles the tab's TypeScript with esbuild and copies
 * its pages and styles into build/tab, which the service serves under /tab/.
 */
const ROOT = path.resolve(__dirname, "..");
export const TAB_SOURCE = path.join(ROOT, "src", "tab");
export const TAB_OUTPUT = path.join(ROOT, "build", "tab");

export async function buildTab(outdir = TAB_OUTPUT): Promise<string> {
  // esbuild is a development dependency: loaded only when building.
  const { build } = await import("esbuild");
  mkdirSync(outdir, { recursive: true });
  await build({
    entryPoints: { tab: path.join(TAB_SOURCE, "main.ts"), config: path.join(TAB_SOURCE, "config-page.ts") },
    bundle: true,
    minify: true,
    format: "iife",
    target: ["es2020", "chrome100", "safari15", "firefox100"],
    platform: "browser",
    outdir,
    legalComments: "none",
    logLevel: "silent",
  });
  const statics = path.join(TAB_SOURCE, "static");
  for (const file of readdirSync(statics)) copyFileSync(path.join(statics, file), path.join(outdir, file));
  return outdir;
}

if (require.main === module) {
  buildTab().then(
    (dir) => console.log(`Tab built into ${path.relative(process.cwd(), dir)}`),
    (error: unknown) => {
      // A production install without development dependencies keeps the tab built at deployment.
      if ((error as { code?: string }).code === "ERR_MODULE_NOT_FOUND" || (error as { code?: string }).code === "MODULE_NOT_FOUND") {
        if (existsSync(path.join(TAB_OUTPUT, "tab.js"))) {
          console.log("esbuild is not installed: serving the tab already built in build/tab");
          return;
        }
      }
      console.error(`Could not build the tab: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}

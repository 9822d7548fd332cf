import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import JSZip from "jszip";
import { MANIFEST_DIR, ManifestSettingError, makeManifest, manifestSettingsFromEnv, type ManifestSettings } from "./make-manifest";
import { SCHEMA_VERSION, packageProblems, schemaErrors } from "./validate-manifest";

/**
 * `npm run package`: fills the manifest from configuration (MicrosoftAppId, PUBLIC_HOSTNAME,
 * APP_VERSION), validates it offline against the Teams schema and the package rules, and writes
 * dist/appPackage.zip (manifest.json, color.png, outline.png). Any problem stops it, with the
 * schema's own messages, and no zip is written.
 */

export class PackageInvalidError extends Error {
  constructor(readonly problems: string[]) {
    super(`The app package is not valid:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "PackageInvalidError";
  }
}

export const DEFAULT_OUTPUT = path.resolve(__dirname, "..", "dist", "appPackage.zip");

export function readIcons(dir = MANIFEST_DIR): Record<string, Buffer> {
  return { "color.png": readFileSync(path.join(dir, "color.png")), "outline.png": readFileSync(path.join(dir, "outline.png")) };
}

/** Checks a manifest with its files; throws PackageInvalidError listing every problem. */
export function assertValidPackage(manifest: Record<string, unknown>, files: Record<string, Buffer>): void {
  const problems = [...schemaErrors(manifest), ...packageProblems(manifest, files)];
  if (problems.length > 0) throw new PackageInvalidError(problems);
}

export async function zipPackage(manifest: Record<string, unknown>, files: Record<string, Buffer>): Promise<Buffer> {
  const zip = new JSZip();
  // Fixed dates keep the zip the same for the same input.
  const date = new Date("2026-01-01T00:00:00Z");
  zip.file("manifest.json", `${JSON.stringify(manifest, null, 2)}\n`, { date });
  for (const [name, data] of Object.entries(files)) zip.file(name, data, { date });
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

export async function buildPackage(
  settings: ManifestSettings,
  output = DEFAULT_OUTPUT,
  manifest = makeManifest(settings),
  files = readIcons(),
): Promise<string> {
  assertValidPackage(manifest, files);
  mkdirSync(path.dirname(output), { recursive: true });
  writeFileSync(output, await zipPackage(manifest, files));
  return output;
}

if (require.main === module) {
  (async () => {
    try {
      const settings = manifestSettingsFromEnv();
      const output = await buildPackage(settings);
      console.log(
        `Wrote ${path.relative(process.cwd(), output)} (manifest schema v${SCHEMA_VERSION}, bot ${settings.botId}, host ${settings.hostname}, version ${settings.version}): valid.`,
      );
    } catch (error) {
      if (error instanceof ManifestSettingError) console.error(`Configuration error: ${error.message}`);
      else if (error instanceof PackageInvalidError) console.error(error.message);
      else throw error;
      process.exit(1);
    }
  })();
}

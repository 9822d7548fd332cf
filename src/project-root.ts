import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

/**
 * The project's folder (where package.json is), found from this file, so that cards/, seeds/ and the
 * built tab are found whether the service runs from src/ (tsx) or from its compiled copy in build/.
 */
function findRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, "package.json");
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, "utf8")) as { name?: string }).name === "disparities-hub") return dir;
    if (path.dirname(dir) === dir) throw new Error("cannot find the project folder (package.json of disparities-hub)");
  }
}

export const PROJECT_ROOT = findRoot(__dirname);

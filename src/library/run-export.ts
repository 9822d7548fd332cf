import type { ProformaStore } from "../proforma/proforma-store";
import { toCsv } from "./export-csv";
import { entryFileName, renderEntryPage, renderIndex } from "./export-html";
import { searchLibrary } from "./search-library";

export type ExportFormat = "csv" | "json" | "html";

/** Where the export goes: writes one file (a name inside the output folder) and answers its full path. */
export type ExportWriter = (name: string, text: string) => Promise<string>;
export const EXPORT_FORMATS: readonly ExportFormat[] = ["csv", "json", "html"];

/**
 * Writes the collated library: CSV and JSON hold every published entry with consent beyond East London
 * (the LIIA library); HTML, the website export, only the `public` ones. Progress goes to `progress`.
 */
export async function runExport(
  deps: { proformas: ProformaStore; now: () => Date },
  options: { format: ExportFormat; outDir: string; write: ExportWriter },
  progress: (line: string) => void = () => {},
): Promise<{ files: string[]; entries: number }> {
  const audience = options.format === "html" ? "website" : "library";
  progress(`reading the ${audience === "website" ? "public entries" : "library"} from storage`);
  const entries = await searchLibrary(deps, { audience });
  progress(`${entries.length} entries to export as ${options.format}`);
  const files: string[] = [];
  const write = async (name: string, text: string) => {
    files.push(await options.write(name, text));
  };
  const generatedAt = deps.now().toISOString();
  if (options.format === "json") await write("library.json", JSON.stringify({ generatedAt, count: entries.length, entries }, null, 2) + "\n");
  else if (options.format === "csv") await write("library.csv", toCsv(entries));
  else {
    await write("index.html", renderIndex(entries, generatedAt));
    const step = Math.max(1, Math.ceil(entries.length / 10));
    for (const [i, entry] of entries.entries()) {
      await write(entryFileName(entry), renderEntryPage(entry));
      if ((i + 1) % step === 0 || i + 1 === entries.length) progress(`wrote ${i + 1} of ${entries.length} entry pages`);
    }
  }
  progress(`done: ${files.length} file${files.length === 1 ? "" : "s"} in ${options.outDir}`);
  return { files, entries: entries.length };
}

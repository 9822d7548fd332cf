/**
 * `npm run test:reliability`: runs the hostile-input, fault and load cases (the same ones the mocha
 * tests in tests/security run) against the real service and real Azurite, and prints a table:
 * case, expected, observed, result. Exits 1 if any case fails.
 */
import { ALL_SUITES } from "../tests/security/cases/all-suites";

interface Row {
  id: string;
  expected: string;
  observed: string;
  result: "pass" | "FAIL" | "GAP";
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  return lines;
}

function printTable(rows: Row[]): void {
  const widths = [8, 44, 60, 6];
  const line = (cells: string[][]) => {
    const height = Math.max(...cells.map((c) => c.length));
    for (let i = 0; i < height; i++) console.log(cells.map((c, j) => (c[i] ?? "").padEnd(widths[j]!)).join(" | "));
  };
  line([["case"], ["expected"], ["observed"], ["result"]]);
  console.log(widths.map((w) => "-".repeat(w)).join("-|-"));
  for (const r of rows) line([[r.id], wrap(r.expected, widths[1]!), wrap(r.observed, widths[2]!), [r.result]]);
}

async function main(): Promise<void> {
  // botbuilder prints every refused token to the console; the table is the output here.
  const quiet = { error: console.error, warn: console.warn };
  const rows: Row[] = [];
  const started = Date.now();
  for (const suite of ALL_SUITES) {
    process.stderr.write(`running: ${suite.title}\n`);
    console.error = console.warn = () => {};
    let fixture: unknown;
    try {
      fixture = await suite.setup();
      for (const c of suite.cases) {
        try {
          const observed = await c.run(fixture);
          rows.push({ id: c.id, expected: c.expected, observed, result: "pass" });
        } catch (error) {
          const observed = error instanceof Error ? error.message.split("\n")[0]!.slice(0, 300) : String(error);
          rows.push({ id: c.id, expected: c.expected, observed, result: c.knownGap ? "GAP" : "FAIL" });
        }
      }
    } finally {
      if (fixture !== undefined) await suite.teardown(fixture);
      console.error = quiet.error;
      console.warn = quiet.warn;
    }
  }
  console.log("");
  printTable(rows);
  const count = (r: Row["result"]) => rows.filter((x) => x.result === r).length;
  console.log(
    `\n${rows.length} cases: ${count("pass")} pass, ${count("FAIL")} fail, ${count("GAP")} known gaps; ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  process.exit(count("FAIL") > 0 ? 1 : 0);
}

void main();

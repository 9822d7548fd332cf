import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { main } from "../../src/cli/analyse";
import { cinCensusXml, SSDA903_EPISODES, SSDA903_HEADER } from "./fixtures/cin-census";

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(args, { out: (t) => (out += t), err: (t) => (err += `${t}\n`) });
  return { code, out, err };
}

const good = cinCensusXml(2025);
const oneChildTwice = good.replace("<LAchildID>FXC10002</LAchildID>", "<LAchildID>FXC10003</LAchildID>");

/** The bad-input table (issue: malformed XML, a missing column, an unknown code, a bad date, a child twice, a borough outside the eight, an empty file). */
const CASES: { name: string; files: Record<string, string>; message: RegExp; ladders: boolean }[] = [
  {
    name: "malformed XML",
    files: { "cin.xml": good.slice(0, good.indexOf("</Child>") + 40) },
    message: /cin\.xml: malformed XML near line \d+, column \d+; file refused, nothing from it used/,
    ladders: false,
  },
  {
    name: "a missing column",
    files: { "cin.xml": good, "header.csv": SSDA903_HEADER, "episodes.csv": SSDA903_EPISODES.replace("CHILD,DECOM,", "CHILD,") },
    message: /episodes\.csv \(field DECOM\): an SSDA903 episodes file without the column DECOM; file refused, nothing from it used/,
    ladders: true,
  },
  {
    name: "an unknown ethnicity code",
    files: { "cin.xml": good },
    message: /cin\.xml \(record 4, field Ethnicity\): not one of the 20 DfE ethnicity codes; record skipped, the rest of the file used/,
    ladders: true,
  },
  {
    name: "a date in the wrong format",
    files: { "cin.xml": good },
    message: /cin\.xml \(record 6, field CINreferralDate\): not a date in the form YYYY-MM-DD; record skipped/,
    ladders: true,
  },
  {
    name: "a child listed twice",
    files: { "cin.xml": oneChildTwice },
    message: /cin\.xml \(record 3, field LAchildID\): the same child is listed twice in this file; record skipped/,
    ladders: true,
  },
  {
    name: "a borough outside the eight",
    files: { "cin.xml": cinCensusXml(2025, { lea: "999" }) },
    message: /cin\.xml \(field LEA\): LA 999 is not one of the eight East London boroughs; file refused/,
    ladders: false,
  },
  { name: "an empty file", files: { "cin.xml": "" }, message: /cin\.xml: the file is empty; file refused/, ladders: false },
  { name: "an empty CSV", files: { "episodes.csv": "" }, message: /episodes\.csv: the file is empty; file refused/, ladders: false },
];

describe("returns: bad input is named by file, record and field, and refused files give nothing", () => {
  let root: string;
  before(() => {
    root = mkdtempSync(path.join(os.tmpdir(), "returns-bad-"));
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  for (const c of CASES) {
    it(`when the input has ${c.name}, then the message says so and what was used`, async () => {
      const dir = path.join(root, c.name.replace(/\W+/g, "-"));
      mkdirSync(dir);
      for (const [name, text] of Object.entries(c.files)) writeFileSync(path.join(dir, name), text);
      const { code, out, err } = await run(["--json", dir]);
      assert.equal(code, 0);
      assert.match(err, c.message);
      assert.match(err, /problems? in the returns: \d+ records skipped, \d+ files refused/);
      assert.doesNotMatch(err, /at .*\.ts:\d+/, "no stack trace");
      const json = JSON.parse(out) as { ladders: unknown[]; returns_problems: { outcome: string }[] };
      assert.equal(json.ladders.length > 0, c.ladders, "ladders only from files that were used");
      assert.ok(json.returns_problems.length > 0);
    });
  }

  it("when an SSDA903 file carries no LA or year and nothing beside it does, then it is refused saying how to give them", async () => {
    const dir = path.join(root, "loose");
    mkdirSync(dir);
    writeFileSync(path.join(dir, "header.csv"), SSDA903_HEADER);
    writeFileSync(path.join(dir, "episodes.csv"), SSDA903_EPISODES);
    const { err, out } = await run(["--json", dir]);
    assert.match(err, /episodes\.csv: an SSDA903 file carries neither its LA nor its year: .*--la and --as-at; file refused/);
    assert.equal((JSON.parse(out) as { ladders: unknown[] }).ladders.length, 0);
    const given = await run(["--json", "--la", "hackney", "--as-at", "2025-03-31", dir]);
    assert.match(given.err, /SSDA903 episodes, LA 204, year ending 2025-03-31, 2 looked after on that date \(LA and year from --la and --as-at\)/);
  });

  it("when a folder is named <borough>-<LA code>-<year>, then SSDA903 files in it take the LA and year from the name", async () => {
    const dir = path.join(root, "hackney-204-2025");
    mkdirSync(dir);
    writeFileSync(path.join(dir, "header.csv"), SSDA903_HEADER);
    writeFileSync(path.join(dir, "episodes.csv"), SSDA903_EPISODES);
    const { err } = await run(["--json", dir]);
    assert.match(err, /LA 204, year ending 2025-03-31, 2 looked after on that date \(LA and year from the folder's name\)/);
  });
});

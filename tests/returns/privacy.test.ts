import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { TableClient } from "@azure/data-tables";
import { main } from "../../src/cli/analyse";
import { BOROUGHS } from "../../src/domain/boroughs";
import { startEmbeddedAzurite, type EmbeddedAzurite } from "../../src/storage/embedded-azurite";
import { TABLES } from "../../src/storage/table-names";
import { writeBoroughReturns } from "../../seeds/make-returns";
import {
  CIN_BIRTH_DATES,
  CIN_IDENTIFIERS,
  CIN_UPNS,
  cinCensusXml,
  CSWW_BIRTH_DATES,
  CSWW_IDENTIFIERS,
  cswwXml,
  SSDA903_BIRTH_DATES,
  SSDA903_EPISODES,
  SSDA903_HEADER,
  SSDA903_IDENTIFIERS,
  SSDA903_POSTCODES,
  SSDA903_UASC,
} from "./fixtures/cin-census";
import { SEED_DATA } from "../analysis/support";

const PUPILS = path.join(SEED_DATA, "synthetic_spc_pupils_by_ethnicity.csv");

/** Every personal detail in the generated returns: child and worker ids, UPNs, SWE numbers, birth dates, postcodes. */
function personalDetails(folder: string): string[] {
  const found = new Set<string>();
  for (const name of readdirSync(folder)) {
    const text = readFileSync(path.join(folder, name), "utf8");
    for (const m of text.matchAll(/<(LAchildID|UPN|PersonBirthDate|SWENo)>([^<]+)</g)) found.add(m[2]!);
    if (name.endsWith(".csv")) {
      const [head, ...rows] = text.trim().split("\n");
      const cols = head!.split(",");
      for (const row of rows) {
        const cells = row.split(",");
        for (const c of ["CHILD", "DOB", "UPN", "HOME_POST", "PL_POST", "URN"]) {
          const v = cells[cols.indexOf(c)];
          if (cols.includes(c) && v && !/^UN\d$/.test(v)) found.add(v);
        }
      }
    }
  }
  return [...found];
}

describe("returns: no child or worker detail reaches any output, log or stored row", () => {
  let azurite: EmbeddedAzurite;
  let root: string;
  const saved = { ...process.env };

  before(async () => {
    azurite = await startEmbeddedAzurite();
    root = mkdtempSync(path.join(os.tmpdir(), "returns-privacy-"));
    const fixtures = path.join(root, "hackney-204-2025");
    mkdirSync(fixtures);
    writeFileSync(path.join(fixtures, "cin.xml"), cinCensusXml(2025));
    writeFileSync(path.join(fixtures, "header.csv"), SSDA903_HEADER);
    writeFileSync(path.join(fixtures, "episodes.csv"), SSDA903_EPISODES);
    writeFileSync(path.join(fixtures, "uasc.csv"), SSDA903_UASC);
    writeFileSync(path.join(fixtures, "csww.xml"), cswwXml());
    writeBoroughReturns(
      root,
      BOROUGHS.find((b) => b.slug === "newham")!,
      2026,
      0.25,
    );
    process.env.STORAGE_CONNECTION_STRING = azurite.connectionString;
  });
  after(async () => {
    process.env = saved;
    await azurite?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it("when returns are analysed, printed, reported as JSON and stored, then no identifier, UPN, SWE number, birth date or postcode appears anywhere", async function () {
    this.timeout(120_000);
    const generated = personalDetails(path.join(root, "newham-316-2026"));
    const secrets = [
      ...CIN_IDENTIFIERS,
      ...CIN_UPNS,
      ...CIN_BIRTH_DATES,
      ...SSDA903_IDENTIFIERS,
      ...SSDA903_BIRTH_DATES,
      ...SSDA903_POSTCODES,
      ...CSWW_IDENTIFIERS,
      ...CSWW_BIRTH_DATES,
      ...generated,
    ];
    assert.ok(generated.length > 500, `the generated returns hold personal details to look for (${generated.length})`);
    let text = "";
    const io = { out: (t: string) => (text += t), err: (t: string) => (text += `${t}\n`) };
    const code = await main(["--json", "--store", root, PUPILS], io);
    assert.equal(code, 0, text.slice(-600));
    assert.equal(await main([root], io), 0);
    assert.match(text, /stored \d+ measures, \d+ headlines and \d+ ladders/);
    assert.match(text, /records? skipped/);
    for (const table of TABLES) {
      const client = TableClient.fromConnectionString(azurite.connectionString, table, { allowInsecureConnection: true });
      try {
        for await (const e of client.listEntities()) text += `\n${JSON.stringify(e)}`;
      } catch (error) {
        if ((error as { statusCode?: number }).statusCode !== 404) throw error;
      }
    }
    assert.match(text, /"kind":"ladder"/, "stored ladder rows were read back");
    const leaked = secrets.filter((s) => text.includes(s));
    assert.deepEqual(leaked, []);
  });
});

import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import JSZip from "jszip";
import { PNG } from "pngjs";
import { COMMANDS } from "../../src/commands";
import { drawColourIcon } from "../../scripts/make-icons";
import { makeManifest, manifestSettingsFromEnv, ManifestSettingError } from "../../scripts/make-manifest";
import { PackageInvalidError, buildPackage, readIcons } from "../../scripts/package";
import { SCHEMA_VERSION, schemaErrors, schemaFile } from "../../scripts/validate-manifest";

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, "..", "..");
const BOT = "0b5c7a1e-3f2d-4c6b-9a8e-1d2c3b4a5f60";
const settings = manifestSettingsFromEnv({ MicrosoftAppId: BOT, PUBLIC_HOSTNAME: "hub.example.org", APP_VERSION: "1.2.3" });

type Manifest = Record<string, any>;

describe("Teams app package", () => {
  let dir: string;
  before(() => (dir = mkdtempSync(path.join(tmpdir(), "hub-package-"))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("when the package is built from configuration, then its manifest passes the shipped schema and carries the bot, tabs and SSO", async () => {
    const out = await buildPackage(settings, path.join(dir, "appPackage.zip"));
    const zip = await JSZip.loadAsync(readFileSync(out));
    assert.deepEqual(Object.keys(zip.files).sort(), ["color.png", "manifest.json", "outline.png"]);
    const manifest = JSON.parse(await zip.file("manifest.json")!.async("string")) as Manifest;
    assert.deepEqual(schemaErrors(manifest), []);
    assert.ok(existsSync(schemaFile()), "the schema comes from @microsoft/app-manifest");
    assert.equal(manifest.manifestVersion, SCHEMA_VERSION);
    assert.equal(manifest.version, "1.2.3");
    assert.equal(manifest.id, BOT);
    assert.equal(manifest.bots[0].botId, BOT);
    assert.deepEqual(manifest.bots[0].scopes, ["personal", "team", "groupChat"]);
    assert.deepEqual(manifest.validDomains, ["hub.example.org"]);
    assert.deepEqual(manifest.webApplicationInfo, { id: BOT, resource: `api://hub.example.org/${BOT}` });
    assert.equal(manifest.staticTabs[0].contentUrl, "https://hub.example.org/tab/index.html?surface=personal");
    assert.deepEqual(manifest.staticTabs[0].scopes, ["personal"]);
    assert.equal(manifest.configurableTabs[0].configurationUrl, "https://hub.example.org/tab/config.html");
    assert.deepEqual(manifest.configurableTabs[0].scopes, ["team", "groupChat"]);
    assert.doesNotMatch(JSON.stringify(manifest), /\{\{/);
  });

  it("when the manifest is made, then each scope's command list is the bot's menu commands", () => {
    const manifest = makeManifest(settings) as Manifest;
    const menu = COMMANDS.filter((c) => c.inMenu).map((c) => ({ title: c.words, description: c.description }));
    assert.ok(menu.length > 0 && menu.length <= 10);
    const lists = manifest.bots[0].commandLists as { scopes: string[]; commands: unknown[] }[];
    assert.deepEqual(
      lists.map((l) => l.scopes),
      [["personal"], ["team"], ["groupChat"]],
    );
    for (const list of lists) assert.deepEqual(list.commands, menu);
    const hidden = COMMANDS.filter((c) => !c.inMenu).map((c) => c.words);
    for (const word of hidden) assert.ok(!JSON.stringify(lists).includes(`"${word}"`), `${word} is not in the menu`);
  });

  it("when the manifest breaks the schema, then the package is refused with the schema's messages and no zip is written", async () => {
    const broken = makeManifest(settings) as Manifest;
    broken.bots[0].botId = "not-a-guid";
    broken.bots[0].scopes = ["everyone"];
    const out = path.join(dir, "broken.zip");
    await assert.rejects(buildPackage(settings, out, broken), (error: unknown) => {
      assert.ok(error instanceof PackageInvalidError);
      assert.ok(
        error.problems.some((p) => p.startsWith("/bots/0/botId must match pattern")),
        error.message,
      );
      assert.ok(
        error.problems.some((p) => p.startsWith("/bots/0/scopes/0 must be equal to one of the allowed values")),
        error.message,
      );
      return true;
    });
    assert.equal(existsSync(out), false);
  });

  it("when the icons are checked, then colour is 192x192, outline 32x32 white on transparent, and a wrong icon is refused", async () => {
    const icons = readIcons();
    const colour = PNG.sync.read(icons["color.png"]!);
    const outline = PNG.sync.read(icons["outline.png"]!);
    assert.deepEqual([colour.width, colour.height, outline.width, outline.height], [192, 192, 32, 32]);
    let white = 0;
    for (let i = 0; i < outline.data.length; i += 4) {
      if (outline.data[i + 3] === 0) continue;
      assert.deepEqual([...outline.data.subarray(i, i + 3)], [255, 255, 255]);
      white++;
    }
    assert.ok(white > 50 && white < (32 * 32) / 2, "the outline draws a shape on transparency");
    assert.ok(icons["color.png"]!.equals(drawColourIcon()), "the committed colour icon is what the script draws");
    await assert.rejects(
      buildPackage(settings, path.join(dir, "icons.zip"), undefined, { "color.png": icons["color.png"]!, "outline.png": icons["color.png"]! }),
      /outline.png is 192x192; Teams needs 32x32/,
    );
  });

  it("when npm run package runs without a bot id, then it fails naming MicrosoftAppId; with one, it writes a valid zip", async function () {
    this.timeout(60000);
    const env = { ...process.env, MicrosoftAppId: "", PUBLIC_HOSTNAME: "hub.example.org" };
    await assert.rejects(run("npm", ["run", "--silent", "package"], { cwd: ROOT, env }), (e: { stderr: string; code: number }) => {
      assert.equal(e.code, 1);
      assert.match(e.stderr, /Configuration error: MicrosoftAppId: is required/);
      return true;
    });
    const ok = await run("npm", ["run", "--silent", "package"], { cwd: ROOT, env: { ...env, MicrosoftAppId: BOT } });
    assert.match(ok.stdout, /Wrote dist\/appPackage\.zip \(manifest schema v1\.22.*valid\./);
    assert.ok(existsSync(path.join(ROOT, "dist", "appPackage.zip")));
  });

  it("when a setting is malformed, then the error names its variable", () => {
    assert.throws(
      () => manifestSettingsFromEnv({ MicrosoftAppId: BOT, PUBLIC_HOSTNAME: "https://hub.example.org/x" }),
      (e: unknown) => e instanceof ManifestSettingError && e.variable === "PUBLIC_HOSTNAME",
    );
    assert.throws(
      () => manifestSettingsFromEnv({ MicrosoftAppId: BOT, PUBLIC_HOSTNAME: "hub.example.org", APP_VERSION: "1.0" }),
      (e: unknown) => e instanceof ManifestSettingError && e.variable === "APP_VERSION",
    );
  });
});

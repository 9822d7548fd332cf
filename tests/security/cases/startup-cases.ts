import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import path from "node:path";
import { ConfigError, loadConfig } from "../../../src/config/config";
import { defineSuite } from "../support/reliability-case";

const ROOT = path.resolve(__dirname, "../../..");

/** Runs `npm start` with exactly this environment (plus PATH) and returns its exit code and stderr. */
function npmStart(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn("npm", ["start", "--silent"], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    const timer = setTimeout(() => child.kill("SIGTERM"), 30_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

export const startupSuite = defineSuite<Record<string, never>>({
  title: "start-up refuses a production service that would accept anyone",
  async setup() {
    return {};
  },
  async teardown() {},
  cases: [
    {
      id: "S2a",
      title: "when NODE_ENV=production has no MicrosoftAppId, then the configuration is refused naming it",
      expected: "ConfigError naming MicrosoftAppId; and ALLOWED_TENANTS when only that is missing",
      async run() {
        assert.throws(
          () => loadConfig({ NODE_ENV: "production" }),
          (e: unknown) => e instanceof ConfigError && e.variable === "MicrosoftAppId",
        );
        const app = {
          MicrosoftAppId: "8c5a1b0e-6c1d-4a59-9c43-2a7c5b9e0d11",
          MicrosoftAppPassword: "x",
          MicrosoftAppTenantId: "20000000-0000-4000-8000-0000000000aa",
        };
        assert.throws(
          () => loadConfig({ NODE_ENV: "production", ...app }),
          (e: unknown) => e instanceof ConfigError && e.variable === "ALLOWED_TENANTS",
        );
        assert.throws(
          () => loadConfig({ NODE_ENV: "production", ...app, ALLOWED_TENANTS: app.MicrosoftAppTenantId, BotOpenIdMetadata: "http://127.0.0.1:1/keys" }),
          (e: unknown) => e instanceof ConfigError && e.variable === "BotOpenIdMetadata",
        );
        return "refused: MicrosoftAppId; ALLOWED_TENANTS; a plain-http key address";
      },
    },
    {
      id: "S2c",
      title: "when NODE_ENV is Production (any case), then it counts as production; when it is a value not known, then it is refused naming NODE_ENV",
      expected: "Production and PRODUCTION need MicrosoftAppId; prod and staging refused naming NODE_ENV",
      async run() {
        for (const value of ["Production", "PRODUCTION", " production "]) {
          assert.throws(
            () => loadConfig({ NODE_ENV: value }),
            (e: unknown) => e instanceof ConfigError && e.variable === "MicrosoftAppId",
            `NODE_ENV=${value} was not treated as production`,
          );
        }
        const refused: string[] = [];
        for (const value of ["prod", "staging"]) {
          assert.throws(
            () => loadConfig({ NODE_ENV: value }),
            (e: unknown) => e instanceof ConfigError && e.variable === "NODE_ENV" && e.message.includes(value),
            `NODE_ENV=${value} was accepted`,
          );
          refused.push(value);
        }
        assert.equal(loadConfig({ NODE_ENV: "Development" }).production, false);
        return `Production, PRODUCTION need MicrosoftAppId; ${refused.join(", ")} refused naming NODE_ENV`;
      },
    },
    {
      id: "S2b",
      title: "when npm start runs with NODE_ENV=production and no MicrosoftAppId, then the process exits at once naming it",
      expected: "exit code 2; stderr names MicrosoftAppId",
      async run() {
        const { code, stderr } = await npmStart({ NODE_ENV: "production", STORAGE: "memory", PORT: "0" });
        assert.equal(code, 2, stderr);
        assert.match(stderr, /Configuration error: MicrosoftAppId: is required when NODE_ENV=production/);
        return `exit code ${code}; "${stderr.trim().split("\n")[0]!.slice(0, 90)}"`;
      },
    },
  ],
});

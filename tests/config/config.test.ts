import assert from "node:assert/strict";
import { ConfigError, loadConfig } from "../../src/config/config";

const APP = "8c5a1b0e-6c1d-4a59-9c43-2a7c5b9e0d11";
const TENANT = "3f2b8f1e-1d2c-4b5a-9e8f-7a6b5c4d3e2f";

describe("configuration", () => {
  it("when nothing is set, then it runs in local mode on loopback port 3978 with embedded storage under .data", () => {
    const c = loadConfig({});
    assert.equal(c.port, 3978);
    assert.equal(c.host, "127.0.0.1");
    assert.equal(c.auth.mode, "local");
    assert.deepEqual(c.storage, { mode: "embedded", dataDir: ".data", tablePort: 10002 });
  });

  it("when STORAGE=memory, then nothing is kept on disk; a connection string wins over both", () => {
    assert.equal(loadConfig({ STORAGE: "memory" }).storage.mode, "memory");
    assert.equal(loadConfig({ STORAGE: "memory", STORAGE_CONNECTION_STRING: "UseDevelopmentStorage=true" }).storage.mode, "connection-string");
  });

  it("when NODE_ENV=production and no app id, then it refuses to start naming MicrosoftAppId", () => {
    assert.throws(
      () => loadConfig({ NODE_ENV: "production" }),
      (e: unknown) => e instanceof ConfigError && e.variable === "MicrosoftAppId",
    );
  });

  it("when an app id is set without its secret or tenant, then the missing setting is named", () => {
    assert.throws(
      () => loadConfig({ MicrosoftAppId: APP }),
      (e: unknown) => e instanceof ConfigError && e.variable === "MicrosoftAppPassword",
    );
    assert.throws(
      () => loadConfig({ MicrosoftAppId: APP, MicrosoftAppPassword: "s" }),
      (e: unknown) => e instanceof ConfigError && e.variable === "MicrosoftAppTenantId",
    );
  });

  it("when production is fully configured, then it binds all interfaces with Bot Framework auth", () => {
    const c = loadConfig({ NODE_ENV: "production", MicrosoftAppId: APP, MicrosoftAppPassword: "s", MicrosoftAppTenantId: TENANT, ALLOWED_TENANTS: TENANT });
    assert.equal(c.auth.mode, "bot-framework");
    assert.equal(c.host, "0.0.0.0");
    assert.deepEqual(c.allowedTenants, [TENANT]);
  });

  it("when a value is malformed, then the error names the variable and the problem", () => {
    assert.throws(() => loadConfig({ PORT: "eighty" }), /PORT: "eighty" should be a whole number/);
    assert.throws(() => loadConfig({ COORDINATORS: "not-a-guid" }), /COORDINATORS: "not-a-guid" is not an Entra id/);
    assert.throws(() => loadConfig({ TENANT_BOROUGHS: `${TENANT}=E09999999` }), /TENANT_BOROUGHS: "E09999999" is not one of the eight boroughs/);
    assert.throws(() => loadConfig({ HOST: "0.0.0.0" }), /HOST: must be a loopback address in local mode/);
  });

  it("when TENANT_BOROUGHS maps a council's tenant, then its id is kept lower case with its GSS code", () => {
    const c = loadConfig({ TENANT_BOROUGHS: `${TENANT.toUpperCase()}=E09000012` });
    assert.deepEqual(c.tenantBoroughs, { [TENANT]: "E09000012" });
  });
});

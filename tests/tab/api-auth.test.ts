import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { EmbeddedAzurite } from "../../src/storage/embedded-azurite";
import type { RunningService } from "../../src/service";
import { startTestAzurite, startTestService } from "../support/test-service";

const BOT = "0b5c7a1e-3f2d-4c6b-9a8e-1d2c3b4a5f60";
const TENANT = "6f1d2c3b-4a5f-4e6d-8c7b-9a0b1c2d3e4f";
const OTHER_TENANT = "11111111-2222-4333-8444-555555555555";
const HOST = "hub.example.org";

type Jose = typeof import("jose", { with: { "resolution-mode": "import" } });

describe("Tab API sign-in (production mode)", () => {
  let jose: Jose;
  let azurite: EmbeddedAzurite;
  let service: RunningService;
  let keyServer: Server;
  let signingKey: CryptoKey;
  let forgerKey: CryptoKey;
  let keyRequests = 0;

  async function token(
    claims: Record<string, unknown> = {},
    options: { key?: CryptoKey; tid?: string; expiresIn?: string; aud?: string } = {},
  ): Promise<string> {
    const tid = options.tid ?? TENANT;
    return new jose.SignJWT({ tid, oid: "9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a", name: "Ada Example", ...claims })
      .setProtectedHeader({ alg: "RS256", kid: "hub-test-key" })
      .setIssuer(`https://login.microsoftonline.com/${tid}/v2.0`)
      .setAudience(options.aud ?? BOT)
      .setIssuedAt()
      .setExpirationTime(options.expiresIn ?? "10m")
      .sign(options.key ?? signingKey);
  }

  async function call(path: string, bearer?: string): Promise<{ status: number; body: any; text: string }> {
    const res = await fetch(`${service.url}${path}`, { headers: bearer ? { authorization: `Bearer ${bearer}` } : {} });
    const text = await res.text();
    return { status: res.status, body: JSON.parse(text), text };
  }

  before(async () => {
    jose = await import("jose");
    const pair = await jose.generateKeyPair("RS256");
    signingKey = pair.privateKey;
    forgerKey = (await jose.generateKeyPair("RS256")).privateKey;
    const jwk = { ...(await jose.exportJWK(pair.publicKey)), kid: "hub-test-key", use: "sig", alg: "RS256" };
    keyServer = createServer((_req, res) => {
      keyRequests++;
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => keyServer.listen(0, "127.0.0.1", resolve));
    const jwksUrl = `http://127.0.0.1:${(keyServer.address() as AddressInfo).port}/discovery/v2.0/keys`;
    azurite = await startTestAzurite();
    service = await startTestService({
      azurite,
      env: {
        NODE_ENV: "production",
        HOST: "127.0.0.1",
        MicrosoftAppId: BOT,
        MicrosoftAppPassword: "not-used-here",
        MicrosoftAppTenantId: TENANT,
        ALLOWED_TENANTS: TENANT,
        PUBLIC_HOSTNAME: HOST,
        SSO_JWKS_URL: jwksUrl,
        TENANT_BOROUGHS: `${TENANT}=E09000012`,
      },
    });
  });
  after(async () => {
    await service?.stop();
    await azurite?.stop();
    await new Promise((resolve) => keyServer?.close(resolve));
  });

  it("when a request carries no token, then it is refused with 401 and a JSON message", async () => {
    for (const path of ["/api/measures", "/api/leads", "/api/library", "/api/me"]) {
      const r = await call(path);
      assert.equal(r.status, 401, path);
      assert.equal(r.body.code, "unauthenticated");
      assert.match(r.body.message, /Sign in through Teams/);
    }
  });

  it("when a token is signed by another key, then it is refused without any key or stack detail", async () => {
    const r = await call("/api/measures", await token({}, { key: forgerKey }));
    assert.equal(r.status, 401);
    assert.deepEqual(Object.keys(r.body).sort(), ["code", "message"]);
    assert.doesNotMatch(r.text, /signature|at \w+ \(|JWS|jose/i);
    assert.ok(keyRequests > 0, "the keys were fetched from the configured address");
  });

  it("when a token is for another audience, expired, or malformed, then it is refused", async () => {
    assert.equal((await call("/api/measures", await token({}, { aud: "api://elsewhere/123" }))).status, 401);
    assert.equal((await call("/api/measures", await token({}, { expiresIn: "-10m" }))).status, 401);
    assert.equal((await call("/api/measures", "not.a.token")).status, 401);
    const unsigned = `${Buffer.from('{"alg":"none"}').toString("base64url")}.${Buffer.from(JSON.stringify({ tid: TENANT, oid: "x", aud: BOT })).toString("base64url")}.`;
    assert.equal((await call("/api/measures", unsigned)).status, 401);
  });

  it("when a valid token comes from a tenant not on the allow-list, then it is refused with 403", async () => {
    const r = await call("/api/measures", await token({}, { tid: OTHER_TENANT }));
    assert.equal(r.status, 403);
    assert.equal(r.body.code, "forbidden");
  });

  it("when a valid token for the app id or its api:// resource comes from an allowed tenant, then the API answers", async () => {
    const v2 = await call("/api/measures", await token());
    assert.equal(v2.status, 200, v2.text);
    assert.ok(v2.body.measures.some((m: { id: string }) => m.id === "cla-rate"));
    const v1 = await call("/api/leads", await token({}, { aud: `api://${HOST}/${BOT}` }));
    assert.equal(v1.status, 200, v1.text);
    assert.equal(v1.body.directory.length, 8);
  });

  it("when /api/me is asked with a valid token, then it answers the caller's name, roles and borough from the people table", async () => {
    const oid = "9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a";
    await service.app.people.put({
      tenantId: TENANT,
      objectId: oid,
      name: "Ada (stored)",
      jobTitle: "Head of Service",
      borough: "E09000025",
      roles: ["lead", "dcs"],
      updatedAt: "2026-11-01T09:00:00.000Z",
      updatedBy: "test",
    });
    try {
      const me = await call("/api/me", await token());
      assert.equal(me.status, 200, me.text);
      assert.deepEqual(me.body, { mode: "teams", name: "Ada Example", roles: ["lead", "dcs", "staff"], borough: { code: "E09000025", name: "Newham" } });
      // Claims other than oid and tid decide nothing: a token saying "roles" or "borough" is ignored.
      const claimed = await call("/api/me", await token({ roles: ["coordinator"], borough: "E09000001" }));
      assert.deepEqual([claimed.body.roles, claimed.body.borough.code], [["lead", "dcs", "staff"], "E09000025"]);
    } finally {
      await service.app.people.remove(TENANT, oid);
    }
    // Someone the people table does not know: staff, in the borough TENANT_BOROUGHS gives their tenant.
    const stranger = await call("/api/me", await token({ oid: "0f0e0d0c-0b0a-4909-8807-060504030201", name: "Bo Stranger" }));
    assert.equal(stranger.status, 200, stranger.text);
    assert.deepEqual(stranger.body, { mode: "teams", name: "Bo Stranger", roles: ["staff"], borough: { code: "E09000012", name: "Hackney" } });
    assert.equal((await call("/api/me", await token({}, { key: forgerKey }))).status, 401);
  });

  it("when the health check or the bot endpoint is called, then the tab's sign-in does not apply", async () => {
    assert.equal((await call("/api/health")).status, 200);
    const bot = await fetch(`${service.url}/api/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ type: "message", text: "help" }),
    });
    assert.equal(bot.status, 401, "the Bot Framework check answers, not the tab's");
  });
});

describe("Tab API in local mode", () => {
  let service: RunningService;
  before(async () => (service = await startTestService()));
  after(async () => service?.stop());

  it("when this computer asks without a token, then the API answers", async () => {
    const res = await fetch(`${service.url}/api/measures`);
    assert.equal(res.status, 200);
    const bad = await fetch(`${service.url}/api/measures?measure=nonsense`);
    assert.equal(bad.status, 400);
    assert.deepEqual(Object.keys(await bad.json()).sort(), ["code", "message"]);
  });

  it("when this computer asks /api/me without a token, then it answers the local user, who coordinates", async () => {
    const res = await fetch(`${service.url}/api/me`);
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { mode: "local", name: "", roles: ["staff", "coordinator"], borough: null });
  });
});

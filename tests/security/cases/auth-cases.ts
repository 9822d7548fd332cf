import assert from "node:assert/strict";
import { activity, cardText, post } from "../../support/teams-client";
import { defineSuite, leakIn, type ReliabilityCase } from "../support/reliability-case";
import { startHub, type HubFixture } from "../support/hub-fixture";
import { postActivity, replyCards, rowCount } from "../support/http";
import { OpenIdStub, unsignedToken, CHANNEL_ISSUER } from "../support/openid-stub";
import { councilEnv, COORDINATOR, HACKNEY, LIIA_TENANT, proformaInputs, staffOf, STRANGER_TENANT } from "../support/people";

export const APP_ID = "8c5a1b0e-6c1d-4a59-9c43-2a7c5b9e0d11";
const SERVICE_URL = "http://127.0.0.1:1/";

interface AuthFixture {
  hub: HubFixture;
  stub: OpenIdStub;
}

const ann = staffOf(HACKNEY, 1, "Ann Hackney");

function helpActivity(user = ann): Record<string, unknown> {
  return activity(user, { type: "message", text: "help", deliveryMode: "expectReplies", serviceUrl: SERVICE_URL });
}

/** A request that must be refused with 401, a plain message, and no storage write. */
async function expect401(f: AuthFixture, token: string | undefined, body = helpActivity()): Promise<string> {
  const before = await rowCount(f.hub);
  const answer = await postActivity(f.hub.service.url, body, token);
  assert.equal(answer.status, 401, `status ${answer.status}: ${JSON.stringify(answer.body)}`);
  assert.equal(answer.body?.code, "unauthenticated");
  assert.equal(leakIn(answer.body), undefined, `leaks ${leakIn(answer.body)}`);
  assert.equal(await rowCount(f.hub), before, "a refused request wrote to storage");
  return "401, plain message, nothing written";
}

function tokenCase(id: string, title: string, make: (f: AuthFixture) => Promise<string | undefined>): ReliabilityCase<AuthFixture> {
  return { id, title, expected: "401, plain message, nothing written", run: async (f) => expect401(f, await make(f)) };
}

const good = (f: AuthFixture, extra: Parameters<OpenIdStub["token"]>[0] extends infer O ? Partial<O> : never = {}) =>
  f.stub.token({ appId: APP_ID, serviceUrl: SERVICE_URL, ...extra });

export const authSuite = defineSuite<AuthFixture>({
  title: "authentication and tenants (app id set, tokens checked by botbuilder against a loopback key set)",
  async setup() {
    const stub = await new OpenIdStub().start();
    const hub = await startHub({
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: "not-a-real-secret",
      MicrosoftAppTenantId: LIIA_TENANT,
      BotOpenIdMetadata: stub.metadataUrl,
      COORDINATORS: COORDINATOR.id,
      ...councilEnv(),
    });
    return { hub, stub };
  },
  async teardown(f) {
    await f.hub.stop();
    await f.stub.stop();
  },
  cases: [
    {
      id: "S0",
      title: "when a token is good, then the bot answers (the control for every 401 below)",
      expected: "200 with a help card; keys fetched from the stub",
      async run(f) {
        const answer = await postActivity(f.hub.service.url, helpActivity(), await good(f));
        assert.equal(answer.status, 200, JSON.stringify(answer.body));
        assert.match(cardText(replyCards(answer)[0]), /proforma/);
        assert.ok(
          f.stub.requests.some((r) => r.endsWith("/keys")),
          "botbuilder fetched the key set from the stub",
        );
        return "200 with a help card; keys fetched from the stub";
      },
    },
    tokenCase("S1", "when there is no Authorization header, then 401 and nothing is written", async () => undefined),
    tokenCase("S3a", "when the token is for another app (wrong audience), then 401", (f) =>
      good(f, { claims: { aud: "00000000-1111-4222-8333-444444444444" } }),
    ),
    tokenCase("S3b", "when the token has the wrong issuer, then 401", (f) => good(f, { claims: { iss: "https://sts.evil.example" } })),
    tokenCase("S3c", "when the token expired ten minutes ago (beyond the 5 minute skew), then 401", (f) =>
      good(f, { expiresInSeconds: -600, claims: { nbf: Math.floor(Date.now() / 1000) - 3600, iat: Math.floor(Date.now() / 1000) - 3600 } }),
    ),
    tokenCase("S3d", "when the token is signed by a key the key set does not hold (unknown kid), then 401", (f) => good(f, { key: "unpublished" })),
    tokenCase("S3e", "when the token claims a published kid but another key signed it, then 401 (not 500)", (f) =>
      good(f, { key: "unpublished", kid: "teams-key" }),
    ),
    tokenCase("S3f", "when the token is unsigned (alg none), then 401", async () =>
      unsignedToken({ iss: CHANNEL_ISSUER, aud: APP_ID, serviceurl: SERVICE_URL, exp: Math.floor(Date.now() / 1000) + 3600 }),
    ),
    tokenCase("S3g", "when a well-signed token has no expiry (exp), then 401", (f) => good(f, { claims: { exp: undefined } })),
    tokenCase("S4", "when the token's service URL claim differs from the activity's, then 401", (f) => good(f, { serviceUrl: "https://smba.evil.example/" })),
    tokenCase("S5", "when the signing key is endorsed for webchat only, then 401 for a Teams activity", (f) => good(f, { key: "webchat" })),
    {
      id: "S6",
      title: "when a good token carries a tenant not on the allow-list, then no reply, no write, a log line, and an invoke gets 403",
      expected: "message: 200 with no reply; invoke: 403; nothing written; tenant.refused logged",
      async run(f) {
        const stranger = { id: "50000000-0000-4000-8000-000000000001", name: "Stranger", tenantId: STRANGER_TENANT };
        const before = await rowCount(f.hub);
        const message = await postActivity(f.hub.service.url, helpActivity(stranger), await good(f));
        assert.equal(message.status, 200);
        assert.deepEqual(message.body?.activities ?? [], []);
        const invoke = activity(stranger, {
          type: "invoke",
          name: "adaptiveCard/action",
          serviceUrl: SERVICE_URL,
          value: {
            action: {
              type: "Action.Execute",
              verb: "proforma.submit",
              data: { verb: "proforma.submit", submissionId: "01KB0000000000000000000001", ...proformaInputs(HACKNEY) },
            },
          },
        });
        const refused = await postActivity(f.hub.service.url, invoke, await good(f));
        assert.equal(refused.status, 403);
        assert.equal(await rowCount(f.hub), before, "a stranger's activity wrote to storage");
        const logged = f.hub.logs.filter((l) => l.event === "tenant.refused" && l.tenant === STRANGER_TENANT);
        assert.equal(logged.length, 2);
        return "message: 200 with no reply; invoke: 403; nothing written; tenant.refused logged twice";
      },
    },
    {
      id: "S7",
      title: "when a good token's channelData tenant is allowed but its conversation's tenant is another, then no reply, no write, and an invoke gets 403",
      expected: "message: 200 with no reply; invoke: 403; nothing written; tenant.refused logged",
      async run(f) {
        const mixed = (fields: Record<string, unknown>) =>
          activity(ann, {
            serviceUrl: SERVICE_URL,
            conversation: { id: `a:personal-${ann.id}`, conversationType: "personal", tenantId: STRANGER_TENANT },
            ...fields,
          });
        const before = await rowCount(f.hub);
        const logged = f.hub.logs.length;
        const message = await postActivity(f.hub.service.url, mixed({ type: "message", text: "my proformas", deliveryMode: "expectReplies" }), await good(f));
        assert.equal(message.status, 200);
        assert.deepEqual(message.body?.activities ?? [], [], "no reply to a mixed-tenant message");
        const invoke = mixed({
          type: "invoke",
          name: "adaptiveCard/action",
          value: { action: { type: "Action.Execute", verb: "proforma.submit", data: { verb: "proforma.submit", ...proformaInputs(HACKNEY) } } },
        });
        const refused = await postActivity(f.hub.service.url, invoke, await good(f));
        assert.equal(refused.status, 403);
        assert.equal(await rowCount(f.hub), before, "a mixed-tenant activity wrote to storage");
        assert.equal(f.hub.logs.slice(logged).filter((l) => l.event === "tenant.refused").length, 2);
        return "message: 200 with no reply; invoke: 403; nothing written; tenant.refused logged twice";
      },
    },
    {
      id: "S8",
      title: "when a request is not a POST, not JSON, or over the body cap, then 405 / 400 / 413 with plain wording",
      expected: "405, 400, 413; no stack or storage text",
      async run(f) {
        const url = `${f.hub.service.url}/api/messages`;
        const get = await fetch(url);
        const notJson = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: "{not json" });
        const huge = await post(f.hub.service.url, { ...helpActivity(), text: "x".repeat(300 * 1024) });
        assert.equal(get.status, 405);
        assert.equal(notJson.status, 400);
        assert.equal(huge.status, 413);
        assert.match(JSON.stringify(huge.body), /too large/);
        for (const body of [await get.text(), await notJson.text(), huge.body]) assert.equal(leakIn(body), undefined);
        return `${get.status}, ${notJson.status}, ${huge.status}; plain wording`;
      },
    },
  ],
});

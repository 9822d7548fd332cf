import http from "node:http";
import type { AddressInfo } from "node:net";
// jose is an ES module; this project compiles to CommonJS, so it is loaded with import().
type Jose = typeof import("jose", { with: { "resolution-mode": "import" } });
const loadJose = (): Promise<Jose> => import("jose");

/** The Bot Connector's token issuer, as botbuilder expects it. */
export const CHANNEL_ISSUER = "https://api.botframework.com";

interface SigningKey {
  kid: string;
  privateKey: Awaited<ReturnType<Jose["generateKeyPair"]>>["privateKey"];
  jwk: Record<string, unknown>;
}

async function makeKey(kid: string, endorsements?: string[]): Promise<SigningKey> {
  const { generateKeyPair, exportJWK } = await loadJose();
  const { privateKey, publicKey } = await generateKeyPair("RS256", { extractable: true });
  const jwk = { ...(await exportJWK(publicKey)), kid, use: "sig", alg: "RS256", ...(endorsements ? { endorsements } : {}) };
  return { kid, privateKey, jwk };
}

/**
 * A stand-in for login.botframework.com on loopback: serves the OpenID metadata document and its key
 * set, and signs tokens as the Bot Connector would (RS256). One published key is endorsed for msteams,
 * one only for webchat; a third key is never published.
 */
export class OpenIdStub {
  private server?: http.Server;
  private keys!: { teams: SigningKey; webchat: SigningKey; unpublished: SigningKey };
  /** Requests the stub answered, e.g. to show botbuilder fetched keys from here. */
  readonly requests: string[] = [];

  get metadataUrl(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/v1/.well-known/openidconfiguration`;
  }

  async start(): Promise<this> {
    this.keys = {
      teams: await makeKey("teams-key", ["msteams"]),
      webchat: await makeKey("webchat-key", ["webchat"]),
      unpublished: await makeKey("unpublished-key", ["msteams"]),
    };
    this.server = http.createServer((req, res) => {
      this.requests.push(req.url ?? "");
      const base = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
      res.setHeader("content-type", "application/json");
      if (req.url === "/v1/.well-known/openidconfiguration") {
        res.end(JSON.stringify({ issuer: CHANNEL_ISSUER, jwks_uri: `${base}/v1/.well-known/keys`, id_token_signing_alg_values_supported: ["RS256"] }));
      } else if (req.url === "/v1/.well-known/keys") {
        res.end(JSON.stringify({ keys: [this.keys.teams.jwk, this.keys.webchat.jwk] }));
      } else {
        res.statusCode = 404;
        res.end("{}");
      }
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /**
   * A signed token. By default a good one for the app and service URL given; `claims` overrides or
   * removes (undefined) claims, `key` picks the signing key, `kid` lies about which key signed it.
   */
  async token(options: {
    appId: string;
    serviceUrl: string;
    claims?: Record<string, unknown>;
    key?: "teams" | "webchat" | "unpublished";
    kid?: string;
    expiresInSeconds?: number;
  }): Promise<string> {
    const key = this.keys[options.key ?? "teams"];
    const now = Math.floor(Date.now() / 1000);
    const claims: Record<string, unknown> = {
      iss: CHANNEL_ISSUER,
      aud: options.appId,
      serviceurl: options.serviceUrl,
      nbf: now - 60,
      iat: now - 60,
      exp: now + (options.expiresInSeconds ?? 3600),
      ...options.claims,
    };
    for (const [k, v] of Object.entries(claims)) if (v === undefined) delete claims[k];
    const { SignJWT } = await loadJose();
    return new SignJWT(claims).setProtectedHeader({ alg: "RS256", typ: "JWT", kid: options.kid ?? key.kid }).sign(key.privateKey);
  }
}

/** An unsigned token ("alg": "none"), as an attacker would send it. */
export function unsignedToken(claims: Record<string, unknown>): string {
  const part = (o: unknown) => Buffer.from(JSON.stringify(o)).toString("base64url");
  return `${part({ alg: "none", typ: "JWT", kid: "teams-key" })}.${part(claims)}.`;
}

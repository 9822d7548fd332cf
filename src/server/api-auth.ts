import type { JWTPayload } from "jose" with { "resolution-mode": "import" };
import type { Request, Response, Server } from "restify";
import type { ServerDeps } from "./server-deps";
import { isLoopback } from "../config/config";
import { HubError } from "../domain/errors";
import type { Identity } from "../people/resolve-actor";
import { sendError } from "./create-server";

/**
 * Guards the tab's JSON API (every /api/* address except /api/messages, which the Bot Framework
 * token guards, and /api/health). In production each request carries the Teams single sign-on token
 * as `Authorization: Bearer`: its signature is checked with Entra ID's published keys (SSO_JWKS_URL),
 * then issuer, audience (the app id, or api://<host>/<app id>), expiry, and the tenant against
 * ALLOWED_TENANTS. In local mode the API answers this computer only.
 */

const OPEN = new Set(["/api/messages", "/api/health"]);
const CALLER = Symbol("hub.apiCaller");
/** Five minutes of clock skew, as Entra ID and the Bot Framework allow. */
const CLOCK_TOLERANCE_S = 300;

/** The local person in local mode: one user at this computer. */
export const LOCAL_CALLER: Identity = { objectId: "local-user", tenantId: "local", name: "" };

export function isGuardedApiPath(path: string): boolean {
  const p = path.replace(/\/+$/, "") || "/";
  return p.startsWith("/api/") && !OPEN.has(p);
}

/** Who the guarded request comes from; only set once the guard let it through. */
export function apiCaller(req: Request): Identity {
  const caller = (req as unknown as Record<symbol, Identity | undefined>)[CALLER];
  if (!caller) throw new HubError("unauthenticated", "Sign in through Teams to use this page.");
  return caller;
}

export interface SsoVerifier {
  verify(token: string): Promise<Identity>;
}

/** Checks Teams single sign-on tokens against the configured keys, app id and tenants. */
export function ssoVerifier(options: { jwksUrl: string; appId: string; hostname: string; allowedTenants: readonly string[] }): SsoVerifier {
  // jose is an ES module: loaded once, on the first token.
  const jose = import("jose");
  const keys = jose.then((j) =>
    j.createRemoteJWKSet(new URL(options.jwksUrl), { cooldownDuration: 60_000, cacheMaxAge: 24 * 3600_000, timeoutDuration: 3000 }),
  );
  const audience = [options.appId, `api://${options.hostname}/${options.appId}`];
  const tenants = new Set(options.allowedTenants.map((t) => t.toLowerCase()));
  return {
    async verify(token: string): Promise<Identity> {
      const { decodeJwt, jwtVerify } = await jose;
      let tid: string;
      try {
        tid = String(decodeJwt(token).tid ?? "").toLowerCase();
      } catch {
        throw new HubError("unauthenticated", "The sign-in token could not be read. Open the page from Teams.");
      }
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, await keys, {
          algorithms: ["RS256"],
          audience,
          // v2.0 tokens, and v1.0 tokens (the default for an app registration).
          issuer: [`https://login.microsoftonline.com/${tid}/v2.0`, `https://sts.windows.net/${tid}/`],
          clockTolerance: CLOCK_TOLERANCE_S,
          requiredClaims: ["exp", "tid", "oid"],
        }));
      } catch (error) {
        throw new HubError("unauthenticated", "The sign-in token was not accepted. Close and reopen the page in Teams.", {}, { cause: error });
      }
      if (!tenants.has(tid)) throw new HubError("forbidden", "Your organisation is not one of the councils this service is set up for.");
      return { objectId: String(payload.oid), tenantId: tid, name: typeof payload.name === "string" ? payload.name : "" };
    },
  };
}

function bearer(req: Request): string | undefined {
  const header = req.headers.authorization;
  const match = typeof header === "string" ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1];
}

/** Adds the guard in front of every route (a pre-handler, so routes added by others are covered too). */
export function guardApi(server: Server, app: ServerDeps, verifier?: SsoVerifier): void {
  const auth = app.config.auth;
  const sso =
    verifier ??
    (auth.mode === "bot-framework"
      ? ssoVerifier({ jwksUrl: app.config.ssoJwksUrl, appId: auth.appId, hostname: app.config.publicHostname, allowedTenants: app.config.allowedTenants })
      : undefined);
  const admit = async (req: Request): Promise<void> => {
    let caller: Identity;
    if (!sso) {
      if (!isLoopback(req.socket.remoteAddress)) throw new HubError("forbidden", "This service is running in local mode and only answers this computer.");
      caller = LOCAL_CALLER;
    } else {
      const token = bearer(req);
      if (!token) throw new HubError("unauthenticated", "Sign in through Teams to use this page: the request carried no sign-in token.");
      caller = await sso.verify(token);
    }
    (req as unknown as Record<symbol, Identity>)[CALLER] = caller;
  };
  // A callback-style handler: restify runs the next handler after any async one, refused or not.
  server.pre((req: Request, res: Response, next: (proceed?: false) => void) => {
    if (!isGuardedApiPath(req.getPath())) return next();
    admit(req).then(
      () => next(),
      (error: unknown) => {
        app.logger.warn(
          {
            event: "api.refused",
            path: req.getPath(),
            code: error instanceof HubError ? error.code : "internal",
            err: error instanceof HubError ? error.cause : error,
          },
          "tab API request refused",
        );
        sendError(res, error);
        next(false);
      },
    );
  });
}

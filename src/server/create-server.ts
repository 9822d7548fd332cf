import restify, { type Request, type Response } from "restify";
import type { ServerDeps } from "./server-deps";
import type { Storage } from "../storage/open-storage";

/** What the health check asks of storage. */
export type StorageHealth = Pick<Storage, "ping" | "description">;
import { isLoopback } from "../config/config";
import { HubError, httpStatusOf, toHubError } from "../domain/errors";
import { TURN_LIMITS, TurnGate } from "./turn-gate";

/** Largest request body accepted; Teams activities and card submits are far smaller. */
export const MAX_BODY_BYTES = 256 * 1024;

export interface BotEndpoint {
  /** Handles POST /api/messages: authenticates, runs the bot turn and writes the answer. */
  process(req: Request, res: Response): Promise<void>;
}

/** Writes an error as JSON with a code and a message a person can read; never a stack or storage text. */
export function sendError(res: Response, error: unknown): void {
  const e = toHubError(error);
  res.status(httpStatusOf(e.code));
  res.json({ code: e.code, message: e.message });
}

/**
 * Headers a proxy or load balancer adds for the client it passes a request on for (RFC 7239 and the
 * de facto ones). Local mode trusts the peer address alone, so any of them means "not from here".
 */
export const FORWARDING_HEADERS = [
  "forwarded",
  "x-forwarded-for",
  "x-forwarded-host",
  "x-forwarded-proto",
  "x-forwarded-port",
  "x-forwarded-server",
  "x-real-ip",
  "x-client-ip",
  "x-cluster-client-ip",
  "x-original-forwarded-for",
  "true-client-ip",
  "cf-connecting-ip",
  "fastly-client-ip",
  "x-azure-clientip",
  "x-azure-socketip",
  "x-arr-clientip",
  "x-envoy-external-address",
  "via",
] as const;

function isJson(req: Request): boolean {
  const type = String(req.headers["content-type"] ?? "")
    .split(";")[0]!
    .trim()
    .toLowerCase();
  return type === "application/json" || /^application\/[\w.+-]+\+json$/.test(type);
}

export function createServer(
  app: ServerDeps,
  bot: BotEndpoint,
  extraRoutes: (server: restify.Server) => void = () => {},
  options: { turns?: TurnGate; storage: StorageHealth },
): restify.Server {
  const server = restify.createServer({ name: "disparities-hub", handleUncaughtExceptions: false });
  server.use(restify.plugins.queryParser({ mapParams: false }));
  server.use(restify.plugins.bodyParser({ mapParams: false, maxBodySize: MAX_BODY_BYTES, rejectUnknown: false }));

  const localOnly = app.config.auth.mode === "local";

  server.pre((req, res, next) => {
    if (localOnly && !isLoopback(req.socket.remoteAddress)) {
      app.logger.warn({ event: "request.refused", remote: req.socket.remoteAddress }, "local mode refuses a request from outside this machine");
      sendError(res, new HubError("forbidden", "This service is running in local mode and only answers this computer."));
      return next(false);
    }
    const forwarded = localOnly ? FORWARDING_HEADERS.find((h) => req.headers[h] !== undefined) : undefined;
    if (forwarded) {
      // A reverse proxy on this machine would make every outside caller look like loopback.
      app.logger.warn({ event: "request.refused", header: forwarded }, "local mode refuses a request that came through a proxy");
      sendError(res, new HubError("forbidden", `This service is running in local mode and refuses requests passed on by a proxy (${forwarded} header).`));
      return next(false);
    }
    return next();
  });

  // Bounds the turns in flight; the excess waits (before its body is read) or is answered busy at once.
  const gate = options.turns ?? new TurnGate();
  server.pre((req, res, next) => {
    if (req.method !== "POST" || (req.url ?? "").split("?")[0] !== "/api/messages") return next();
    let gone = false;
    res.once("close", () => (gone = true));
    void gate.enter().then((release) => {
      if (release && gone) {
        // The caller left while waiting: its slot goes to the next one.
        release();
        return next(false);
      }
      if (!release) {
        app.logger.info({ event: "turn.busy", ...gate.load() }, "busy: a turn was answered 503 with Retry-After");
        // The body is read and dropped, so the caller is answered rather than reset mid-upload.
        req.resume();
        res.header("Connection", "close");
        res.header("Retry-After", String(TURN_LIMITS.retryAfterSeconds));
        sendError(res, new HubError("busy", `The service is busy: please try again in ${TURN_LIMITS.retryAfterSeconds} seconds.`));
        return next(false);
      }
      res.once("finish", release);
      res.once("close", release);
      return next();
    });
  });

  server.post("/api/messages", async (req: Request, res: Response) => {
    // The body parser also reads form-encoded bodies into objects; an activity is only ever JSON.
    if (!isJson(req) || !req.body || typeof req.body !== "object") {
      sendError(res, new HubError("invalid-input", "The request body must be a JSON activity (Content-Type: application/json)."));
      return;
    }
    try {
      await bot.process(req, res);
    } catch (error) {
      app.logger.error({ err: error }, "failed to process an activity");
      if (!res.headersSent) sendError(res, error);
    }
  });

  server.get("/api/health", async (_req: Request, res: Response) => {
    let storage: "ok" | "down" = "ok";
    try {
      await options.storage.ping();
    } catch {
      storage = "down";
    }
    res.status(storage === "ok" ? 200 : 503);
    res.json({ status: storage === "ok" ? "ok" : "degraded", storage, auth: app.config.auth.mode, storageMode: options.storage.description });
  });

  extraRoutes(server);

  server.on(
    "restifyError",
    (req: Request, res: Response, err: Error & { statusCode?: number; body?: unknown; toJSON?: () => unknown }, callback: () => void) => {
      // Restify's own errors (404, 405, 413, bad JSON) keep their status but get our plain wording.
      const status = err.statusCode ?? 500;
      const message =
        status === 413
          ? `The request body is too large (at most ${MAX_BODY_BYTES / 1024} KB).`
          : status === 404
            ? "There is nothing at this address."
            : status === 405
              ? "This address does not accept that method."
              : status === 400
                ? "The request could not be read: send JSON."
                : status === 415
                  ? "Send the body as application/json."
                  : "Something went wrong on our side.";
      err.toJSON = () => ({ code: status === 500 ? "internal" : `http-${status}`, message });
      if (status >= 500) app.logger.error({ err, url: req.url }, "request failed");
      return callback();
    },
  );

  return server;
}

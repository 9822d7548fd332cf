import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Request, Response, Server } from "restify";
import type { ServerDeps } from "./server-deps";
import { HubError, isFault, toHubError } from "../domain/errors";
import { apiCaller, guardApi } from "./api-auth";
import { sendError } from "./create-server";
import { chartForTab } from "./chart-api";
import { leadsOverview } from "./leads-api";
import { whoAmI } from "./me-api";
import { measureFigures, measuresOverview, type MeasureFigures, type MeasuresOverview } from "./measures-api";
import { PROJECT_ROOT } from "../project-root";

/** Where `npm run build:tab` (scripts/build-tab.ts) writes the tab's files. */
export const TAB_DIR = path.join(PROJECT_ROOT, "build", "tab");

const FILES: Record<string, string> = {
  "index.html": "text/html; charset=utf-8",
  "config.html": "text/html; charset=utf-8",
  "privacy.html": "text/html; charset=utf-8",
  "terms.html": "text/html; charset=utf-8",
  "tab.js": "text/javascript; charset=utf-8",
  "config.js": "text/javascript; charset=utf-8",
  "tab.css": "text/css; charset=utf-8",
};

/** Teams and Microsoft 365 hosts that may frame the tab; on a laptop also this computer's pages. */
const TEAMS_ANCESTORS = [
  "https://teams.microsoft.com",
  "https://*.teams.microsoft.com",
  "https://*.cloud.microsoft",
  "https://*.office.com",
  "https://*.microsoft365.com",
  "https://*.skype.com",
];

function securityHeaders(res: Response, local: boolean): void {
  const ancestors = ["'self'", ...TEAMS_ANCESTORS, ...(local ? ["http://127.0.0.1:*", "http://localhost:*"] : [])];
  res.header(
    "Content-Security-Policy",
    `default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors ${ancestors.join(" ")}`,
  );
  res.header("X-Content-Type-Options", "nosniff");
  res.header("Referrer-Policy", "same-origin");
  res.header("Cache-Control", "no-cache");
}

function answer<T>(app: ServerDeps, work: (req: Request) => Promise<T>) {
  return async (req: Request, res: Response) => {
    try {
      res.header("Cache-Control", "no-store");
      res.json(200, await work(req));
    } catch (error) {
      const e = toHubError(error);
      if (isFault(e)) app.logger.error({ err: e.cause ?? e, url: req.url }, "tab API request failed");
      else app.logger.info({ event: "api.refused", code: e.code, url: req.url }, e.message);
      sendError(res, error);
    }
  };
}

/**
 * The tab: its static page (built by `npm run build:tab`) under /tab/, and its JSON API, guarded by
 * api-auth (Teams single sign-on in production, this computer only in local mode).
 */
export function registerTabRoutes(server: Server, app: ServerDeps, options: { tabDir?: string } = {}): void {
  const tabDir = options.tabDir ?? TAB_DIR;
  const local = app.config.auth.mode === "local";
  guardApi(server, app);

  server.get(
    "/api/measures",
    answer<MeasuresOverview | MeasureFigures>(app, (req) => {
      const query = (req.query ?? {}) as Record<string, unknown>;
      return query.measure === undefined ? measuresOverview(app) : measureFigures(app, query);
    }),
  );
  server.get(
    "/api/charts",
    answer(app, (req) => chartForTab(app, (req.query ?? {}) as Record<string, unknown>)),
  );
  server.get(
    "/api/leads",
    answer(app, () => leadsOverview(app)),
  );
  server.get(
    "/api/me",
    answer(app, (req) => whoAmI(app, apiCaller(req))),
  );

  // The service's own address, /tab and /tab/ all open the tab's first page.
  for (const entry of ["/", "/tab", "/tab/"]) {
    server.get(entry, async (_req: Request, res: Response) => {
      res.redirect(302, "/tab/index.html", () => {});
    });
  }
  server.get("/tab/:file", async (req: Request, res: Response) => {
    const name = String(req.params.file ?? "");
    const type = FILES[name];
    try {
      if (!type) throw new HubError("not-found", "There is nothing at this address.");
      let body: Buffer;
      try {
        body = await readFile(path.join(tabDir, name));
      } catch {
        throw new HubError("not-found", "The tab has not been built yet: run npm run build:tab (npm start does it).");
      }
      securityHeaders(res, local);
      res.header("Content-Type", type);
      res.writeHead(200);
      res.end(body);
    } catch (error) {
      sendError(res, error);
    }
  });
}

import type { Request, Response, Server } from "restify";
import type { ServerDeps } from "./server-deps";
import { parseLibraryFilters } from "../library/library-filters";
import { searchLibrary } from "../library/search-library";
import { sendError } from "./create-server";

/** GET /api/library?borough=&outcomeArea=&priority=&ethnicGroup=&level=&q= : published library entries as JSON. */
export function libraryRoutes(app: ServerDeps): (server: Server) => void {
  return (server) => {
    server.get("/api/library", async (req: Request, res: Response) => {
      try {
        const filters = parseLibraryFilters((req.query ?? {}) as Record<string, unknown>);
        const entries = await searchLibrary(app, filters);
        res.json({ count: entries.length, filters, entries });
      } catch (error) {
        sendError(res, error);
      }
    });
  };
}

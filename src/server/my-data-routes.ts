import type { Request, Response, Server } from "restify";
import type { ServerDeps } from "./server-deps";
import { MY_DATA_PATH } from "../privacy/download-address";
import { myDataFile } from "../privacy/my-data-file";
import { sendError } from "./create-server";

/**
 * GET /api/my-data/<token>: a person's `my data` file, for the short-lived address the bot showed them
 * in their one-to-one chat. Never cached, never indexed, no referrer passed on.
 */
export function myDataRoutes(app: ServerDeps): (server: Server) => void {
  return (server) => {
    server.get(`${MY_DATA_PATH}:token`, async (req: Request, res: Response) => {
      res.header("Cache-Control", "no-store");
      res.header("Referrer-Policy", "no-referrer");
      res.header("X-Robots-Tag", "noindex");
      res.header("X-Content-Type-Options", "nosniff");
      try {
        const file = await myDataFile(app, String(req.params?.token ?? ""));
        res.header("Content-Type", "application/json; charset=utf-8");
        res.header("Content-Disposition", `attachment; filename="${file.fileName}"`);
        res.sendRaw(200, file.body);
      } catch (error) {
        sendError(res, error);
      }
    });
  };
}

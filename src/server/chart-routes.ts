import type { Request, Response, Server } from "restify";
import type { ServerDeps } from "./server-deps";
import { forestPlotImage, ImageCache } from "../charts/chart-images";
import { HubError } from "../domain/errors";
import { guardStorage } from "../storage/guard-storage";
import { sendError } from "./create-server";

const FILE = /^([0-9a-f]{32})\.(png|svg)$/;
const TYPES = { png: "image/png", svg: "image/svg+xml" } as const;

/**
 * GET /charts/<id>.png: a card's forest plot. Teams clients fetch card images without a token, so the
 * address is the secret (128 random bits) and holds only the published, suppressed figures the card
 * prints beside it. An unknown id is a point read and a 404, never a drawing.
 */
export function chartRoutes(app: ServerDeps): (server: Server) => void {
  const cache = new ImageCache();
  return (server) => {
    server.get("/charts/:file", async (req: Request, res: Response) => {
      try {
        const match = FILE.exec(String(req.params.file ?? ""));
        if (!match) throw new HubError("not-found", "There is nothing at this address.");
        const [, id, format] = match as unknown as [string, string, "png" | "svg"];
        const plot = await guardStorage(() => app.charts.get(id));
        if (!plot) throw new HubError("not-found", "There is nothing at this address.");
        const image = await cache.get(`${id}.${format}`, () => forestPlotImage(plot, format));
        res.header("Content-Type", TYPES[format]);
        res.header("Cache-Control", "public, max-age=31536000, immutable");
        res.header("X-Content-Type-Options", "nosniff");
        res.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
        res.writeHead(200);
        res.end(image);
      } catch (error) {
        if (!(error instanceof HubError)) app.logger.error({ err: error }, "a chart could not be drawn");
        sendError(res, error);
      }
    });
  };
}

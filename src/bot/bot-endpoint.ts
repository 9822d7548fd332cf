import type { Request, Response } from "restify";
import type { AppContext } from "../app-context";
import type { BotEndpoint } from "../server/create-server";
import { createAdapter } from "./adapter";
import { HubBot } from "./hub-bot";

/** Wires the adapter and the bot for the HTTP server; the server itself never sees botbuilder types. */
export function createBotEndpoint(app: AppContext): BotEndpoint {
  const adapter = createAdapter(app.config, app.logger);
  const bot = new HubBot(app);
  return {
    process: (req: Request, res: Response) => adapter.process(req, res, (context) => bot.run(context)),
  };
}

import type { CloudAdapter } from "botbuilder";
import type { Request, Response } from "restify";
import type { BotDeps } from "./bot-deps";
import type { Config } from "../config/config";
import type { Routes } from "../domain/handlers";
import type { Logger } from "../logging/logger";
import type { Messenger } from "../messaging/messenger";
import type { BotEndpoint } from "../server/create-server";
import { activityShapeProblem } from "./activity-actor";
import { createAdapter } from "./adapter";
import { answerGuarded } from "./guarded-response";
import { BotMessenger } from "./bot-messenger";
import { HubBot } from "./hub-bot";

/** The Teams side of the service: the adapter, the messenger for proactive posts, and the HTTP endpoint. */
export interface TeamsEdge {
  messenger: Messenger;
  endpoint<D extends BotDeps>(app: D, routes: Routes<D>): BotEndpoint;
}

export function createTeamsEdge(config: Config, logger: Logger): TeamsEdge {
  const adapter: CloudAdapter = createAdapter(config, logger);
  return {
    messenger: new BotMessenger(config),
    endpoint<D extends BotDeps>(app: D, routes: Routes<D>): BotEndpoint {
      const bot = new HubBot(app, routes);
      return {
        process: async (req: Request, res: Response) => {
          // An activity without these would fail inside every handler. It is refused once botbuilder
          // has authenticated the request, so an unauthenticated caller still gets 401 and learns nothing.
          const problem = activityShapeProblem(req.body);
          let authenticated = false;
          await answerGuarded(
            res,
            logger,
            (held) =>
              adapter.process(req, held as unknown as Response, async (context) => {
                authenticated = true;
                if (!problem) await bot.run(context);
              }),
            () => (problem && authenticated ? { code: "invalid-input", message: problem } : undefined),
          );
        },
      };
    },
  };
}

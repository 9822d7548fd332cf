import type { CloudAdapter } from "botbuilder";
import type { Request, Response } from "restify";
import type { AppContext } from "../app-context";
import type { Config } from "../config/config";
import type { Logger } from "../logging/logger";
import type { Messenger } from "../messaging/messenger";
import type { BotEndpoint } from "../server/create-server";
import { createAdapter } from "./adapter";
import { answerGuarded } from "./guarded-response";
import { BotMessenger } from "./bot-messenger";
import { HubBot } from "./hub-bot";

/** The Teams side of the service: the adapter, the messenger for proactive posts, and the HTTP endpoint. */
export interface TeamsEdge {
  messenger: Messenger;
  endpoint(app: AppContext): BotEndpoint;
}

export function createTeamsEdge(config: Config, logger: Logger): TeamsEdge {
  const adapter: CloudAdapter = createAdapter(config, logger);
  return {
    messenger: new BotMessenger(config),
    endpoint(app: AppContext): BotEndpoint {
      const bot = new HubBot(app);
      return {
        process: (req: Request, res: Response) =>
          answerGuarded(res, logger, (held) => adapter.process(req, held as unknown as Response, (context) => bot.run(context))),
      };
    },
  };
}

import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from "botbuilder";
import type { Config } from "../config/config";
import type { Logger } from "../logging/logger";

/**
 * The Bot Framework adapter. With an app id, botbuilder validates every inbound token (issuer,
 * audience, signing key, service URL claim); without one it is local mode, which the server only
 * allows from loopback clients.
 */
export function createAdapter(config: Config, logger: Logger): CloudAdapter {
  const auth =
    config.auth.mode === "bot-framework"
      ? new ConfigurationBotFrameworkAuthentication({
          MicrosoftAppId: config.auth.appId,
          MicrosoftAppPassword: config.auth.appPassword,
          MicrosoftAppType: config.auth.appType,
          MicrosoftAppTenantId: config.auth.tenantId,
        })
      : new ConfigurationBotFrameworkAuthentication({ MicrosoftAppId: "", MicrosoftAppPassword: "", MicrosoftAppType: "MultiTenant" });
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = async (context: TurnContext, error: unknown) => {
    // The bot answers its own errors with cards; this is the backstop for anything that escaped.
    logger.error({ err: error, activityType: context.activity.type }, "unhandled error in a bot turn");
  };
  return adapter;
}

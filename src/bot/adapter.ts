import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from "botbuilder";
import { AuthenticationConstants, AuthenticationError } from "botframework-connector";
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
          ...signingKeysAt(config.auth.openIdMetadataUrl),
        })
      : new ConfigurationBotFrameworkAuthentication({ MicrosoftAppId: "", MicrosoftAppPassword: "", MicrosoftAppType: "MultiTenant" });
  refuseUnreadableTokens(auth, config.auth.mode === "bot-framework");
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = async (context: TurnContext, error: unknown) => {
    // The bot answers its own errors with cards; this is the backstop for anything that escaped.
    logger.error({ err: error, activityType: context.activity.type }, "unhandled error in a bot turn");
  };
  return adapter;
}

/**
 * botbuilder's own public-cloud settings, with only the signing keys' address changed. Giving any one
 * of these makes botbuilder read all of them, so all are given.
 */
function signingKeysAt(openIdMetadataUrl: string | undefined): Record<string, string> {
  if (!openIdMetadataUrl) return {};
  return {
    ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
    ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    ToBotFromChannelOpenIdMetadataUrl: openIdMetadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
    CallerId: "urn:botframework:azure",
  };
}

/**
 * A token botbuilder cannot verify (bad signature, malformed, keys unobtainable) is thrown as a plain
 * error, which CloudAdapter would answer with 500 and the error's text. Every failure to authenticate
 * becomes an AuthenticationError, so the caller gets 401.
 *
 * botbuilder checks expiry only when the token states one (jsonwebtoken skips a missing `exp`), so a
 * token without an expiry would be good for ever; with tokens required, one without `exp` is refused.
 */
function refuseUnreadableTokens(auth: ConfigurationBotFrameworkAuthentication, tokensRequired: boolean): void {
  const authenticate = auth.authenticateRequest.bind(auth);
  auth.authenticateRequest = async (activity, authHeader) => {
    let result: Awaited<ReturnType<typeof authenticate>>;
    try {
      result = await authenticate(activity, authHeader);
    } catch (error) {
      if (error instanceof AuthenticationError) throw error;
      throw new AuthenticationError("Unauthorized: the token could not be verified.", 401);
    }
    const expiry: unknown = result.claimsIdentity.getClaimValue("exp");
    if (tokensRequired && !(typeof expiry === "number" && Number.isFinite(expiry))) {
      throw new AuthenticationError("Unauthorized: the token has no expiry (exp).", 401);
    }
    return result;
  };
}

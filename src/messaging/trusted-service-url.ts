import { isLoopback } from "../config/config";

/**
 * Bot Connector hosts Teams uses (learn.microsoft.com "Bot Framework service URLs": smba.trafficmanager.net
 * and its regional and government variants). A stored service URL outside these is never sent the
 * bot's token; in local mode, loopback addresses (the Agents Playground, test connectors) are allowed.
 */
const TEAMS_HOSTS = [
  /^smba\.trafficmanager\.net$/i,
  /^smba\.infra\.(gcc|gov)\.teams\.microsoft\.(com|us)$/i,
  /^smba\.[a-z0-9-]+\.botframework\.(com|us|azure\.us)$/i,
];

export function isTrustedServiceUrl(serviceUrl: string, localMode: boolean): boolean {
  let url: URL;
  try {
    url = new URL(serviceUrl);
  } catch {
    return false;
  }
  if (localMode && url.protocol === "http:" && isLoopback(url.hostname.replace(/^\[|\]$/g, ""))) return true;
  return url.protocol === "https:" && TEAMS_HOSTS.some((h) => h.test(url.hostname));
}

import { readFileSync } from "node:fs";
import path from "node:path";
import { COMMANDS, type CommandSpec } from "../src/commands";

/** What the manifest template needs from configuration. */
export interface ManifestSettings {
  /** The Azure Bot's Microsoft App ID (MicrosoftAppId): the bot and the SSO app. */
  botId: string;
  /** Public host name of the service, without scheme or path (PUBLIC_HOSTNAME). */
  hostname: string;
  /** Semantic version x.y.z of the app package (APP_VERSION, else package.json's version). */
  version: string;
  /** The Teams app id; the bot id unless TEAMS_APP_ID is set. */
  appId: string;
}

export class ManifestSettingError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = "ManifestSettingError";
  }
}

export const MANIFEST_DIR = path.resolve(__dirname, "..", "manifest");
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HOSTNAME = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/i;
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;
/** Teams shows at most ten commands per scope in the command menu. */
export const MAX_MENU_COMMANDS = 10;
export const BOT_SCOPES = ["personal", "team", "groupChat"] as const;

/** Reads the manifest settings from the environment; a bad value names its variable. */
export function manifestSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): ManifestSettings {
  const botId = (env.MicrosoftAppId ?? "").trim();
  if (!botId) throw new ManifestSettingError("MicrosoftAppId", "is required: the Azure Bot's Microsoft App ID goes into the manifest");
  if (!GUID.test(botId)) throw new ManifestSettingError("MicrosoftAppId", `"${botId}" is not a GUID`);
  const hostname = (env.PUBLIC_HOSTNAME ?? "").trim().toLowerCase();
  if (!hostname) throw new ManifestSettingError("PUBLIC_HOSTNAME", "is required: the service's public host name, e.g. disparities-hub.azurewebsites.net");
  if (!HOSTNAME.test(hostname)) throw new ManifestSettingError("PUBLIC_HOSTNAME", `"${hostname}" should be a bare host name, without https:// or a path`);
  const packageVersion = (JSON.parse(readFileSync(path.resolve(__dirname, "..", "package.json"), "utf8")) as { version: string }).version;
  const version = (env.APP_VERSION ?? "").trim() || packageVersion;
  if (!SEMVER.test(version)) throw new ManifestSettingError("APP_VERSION", `"${version}" should be a version like 1.0.0`);
  const appId = (env.TEAMS_APP_ID ?? "").trim() || botId;
  if (!GUID.test(appId)) throw new ManifestSettingError("TEAMS_APP_ID", `"${appId}" is not a GUID`);
  return { botId: botId.toLowerCase(), hostname, version, appId: appId.toLowerCase() };
}

/** The bot's command lists, one per scope, made from the commands shown in the menu. */
export function commandLists(commands: readonly CommandSpec[] = COMMANDS): { scopes: string[]; commands: { title: string; description: string }[] }[] {
  const menu = commands
    .filter((c) => c.inMenu)
    .slice(0, MAX_MENU_COMMANDS)
    .map((c) => ({ title: c.words, description: c.description }));
  return BOT_SCOPES.map((scope) => ({ scopes: [scope], commands: menu }));
}

function fill(value: unknown, settings: ManifestSettings): unknown {
  if (typeof value === "string") {
    return value
      .replace(/\{\{BOT_ID\}\}/g, settings.botId)
      .replace(/\{\{APP_ID\}\}/g, settings.appId)
      .replace(/\{\{HOSTNAME\}\}/g, settings.hostname)
      .replace(/\{\{VERSION\}\}/g, settings.version);
  }
  if (Array.isArray(value)) return value.map((v) => fill(v, settings));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v, settings)]));
  }
  return value;
}

export function readTemplate(): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(MANIFEST_DIR, "manifest.template.json"), "utf8")) as Record<string, unknown>;
}

/** The manifest for these settings: the template filled in, with the bot's commands. */
export function makeManifest(settings: ManifestSettings, template: Record<string, unknown> = readTemplate()): Record<string, unknown> {
  const manifest = fill(template, settings) as Record<string, unknown> & { bots?: { commandLists?: unknown }[] };
  for (const bot of manifest.bots ?? []) bot.commandLists = commandLists();
  return manifest;
}

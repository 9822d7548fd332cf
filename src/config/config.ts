import { z } from "zod";
import { isBoroughCode } from "../domain/boroughs";

/**
 * Configuration, read and validated once at start. A bad value stops the process with a message that
 * names the variable; see .env.example for every setting.
 */
export interface Config {
  port: number;
  /** Interface the HTTP server binds to: loopback in local mode. */
  host: string;
  storage: { mode: "embedded"; dataDir: string; tablePort: number } | { mode: "memory" } | { mode: "connection-string"; connectionString: string };
  auth:
    | { mode: "local" }
    | {
        mode: "bot-framework";
        appId: string;
        appPassword: string;
        appType: "SingleTenant" | "MultiTenant" | "UserAssignedMSI";
        tenantId: string;
        /** Where the Bot Connector's signing keys are published (botbuilder's BotOpenIdMetadata); unset means the public cloud's. */
        openIdMetadataUrl?: string;
      };
  /** Entra object ids of LIIA coordinators. */
  coordinators: string[];
  /** Tenant ids allowed to use the bot; empty means any tenant (local mode only). */
  allowedTenants: string[];
  /** A council's tenant id mapped to its borough's GSS code. */
  tenantBoroughs: Record<string, string>;
  production: boolean;
  logLevel: string;
  digestCron: string;
  /** Public host name of the service, for the Teams manifest and the tab. */
  publicHostname: string;
  /** Days after which declined and withdrawn nominations are purged. */
  nominationRetentionDays: number;
  /** Where Entra ID publishes the keys that sign Teams single sign-on tokens, which the tab's API checks. */
  ssoJwksUrl: string;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = "ConfigError";
  }
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()));

const guidList = optionalText.transform((v, ctx) => {
  const items = (v ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  for (const item of items) {
    if (!GUID.test(item)) ctx.addIssue({ code: "custom", message: `"${item}" is not an Entra id (a GUID)` });
  }
  return items.map((s) => s.toLowerCase());
});

function wholeNumber(fallback: number, min: number, max: number) {
  return optionalText.transform((v, ctx) => {
    if (v === undefined) return fallback;
    const n = Number(v);
    if (!Number.isInteger(n) || n < min || n > max) {
      ctx.addIssue({ code: "custom", message: `"${v}" should be a whole number from ${min} to ${max}` });
      return z.NEVER;
    }
    return n;
  });
}

/**
 * The values NODE_ENV may take. Anything else is refused rather than guessed at: `Production` once
 * started an unauthenticated local-mode service because only the exact lower-case word counted.
 */
export const NODE_ENVS = ["development", "test", "production"] as const;

const schema = z.object({
  PORT: wholeNumber(3978, 0, 65535),
  HOST: optionalText,
  STORAGE: optionalText.pipe(z.enum(["embedded", "memory"]).optional()),
  STORAGE_CONNECTION_STRING: optionalText,
  DATA_DIR: optionalText.transform((v) => v ?? ".data"),
  EMBEDDED_TABLE_PORT: wholeNumber(10002, 0, 65535),
  MicrosoftAppId: optionalText,
  MicrosoftAppPassword: optionalText,
  MicrosoftAppType: optionalText.pipe(z.enum(["SingleTenant", "MultiTenant", "UserAssignedMSI"]).default("SingleTenant")),
  MicrosoftAppTenantId: optionalText,
  BotOpenIdMetadata: optionalText,
  COORDINATORS: guidList,
  ALLOWED_TENANTS: guidList,
  TENANT_BOROUGHS: optionalText,
  NODE_ENV: optionalText.transform((v, ctx) => {
    const value = (v ?? "development").toLowerCase();
    if (!(NODE_ENVS as readonly string[]).includes(value)) {
      ctx.addIssue({ code: "custom", message: `"${v}" is not one of ${NODE_ENVS.join(", ")} (compared without regard to case)` });
      return z.NEVER;
    }
    return value as (typeof NODE_ENVS)[number];
  }),
  LOG_LEVEL: optionalText.pipe(z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info")),
  DIGEST_CRON: optionalText.transform((v) => v ?? "0 8 * * 1"),
  PUBLIC_HOSTNAME: optionalText.transform((v) => v ?? "localhost"),
  NOMINATION_RETENTION_DAYS: wholeNumber(90, 1, 3650),
  SSO_JWKS_URL: optionalText.transform((v) => v ?? "https://login.microsoftonline.com/common/discovery/v2.0/keys"),
});

function parseTenantBoroughs(text: string | undefined): Record<string, string> {
  const map: Record<string, string> = {};
  for (const pair of (text ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [tenant, borough] = pair.split("=").map((s) => s.trim());
    if (!tenant || !GUID.test(tenant)) throw new ConfigError("TENANT_BOROUGHS", `"${pair}" should be <tenant id>=<GSS code>`);
    if (!borough || !isBoroughCode(borough)) throw new ConfigError("TENANT_BOROUGHS", `"${borough ?? ""}" is not one of the eight boroughs' GSS codes`);
    map[tenant.toLowerCase()] = borough;
  }
  return map;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(String(issue.path[0] ?? "configuration"), issue.message);
  }
  const v = parsed.data;
  const production = v.NODE_ENV === "production";

  let auth: Config["auth"];
  if (!v.MicrosoftAppId) {
    if (production) throw new ConfigError("MicrosoftAppId", "is required when NODE_ENV=production (without it no request would be authenticated)");
    auth = { mode: "local" };
  } else {
    if (!GUID.test(v.MicrosoftAppId)) throw new ConfigError("MicrosoftAppId", "is not a GUID");
    if (v.MicrosoftAppType !== "UserAssignedMSI" && !v.MicrosoftAppPassword) throw new ConfigError("MicrosoftAppPassword", "is required with MicrosoftAppId");
    if (v.MicrosoftAppType !== "MultiTenant" && !v.MicrosoftAppTenantId)
      throw new ConfigError("MicrosoftAppTenantId", `is required when MicrosoftAppType=${v.MicrosoftAppType}`);
    auth = {
      mode: "bot-framework",
      appId: v.MicrosoftAppId,
      appPassword: v.MicrosoftAppPassword ?? "",
      appType: v.MicrosoftAppType,
      tenantId: v.MicrosoftAppTenantId ?? "",
      openIdMetadataUrl: checkedMetadataUrl(v.BotOpenIdMetadata, production),
    };
  }
  if (production && v.ALLOWED_TENANTS.length === 0) {
    throw new ConfigError("ALLOWED_TENANTS", "is required when NODE_ENV=production: list the councils' tenant ids");
  }

  let storage: Config["storage"];
  if (v.STORAGE_CONNECTION_STRING) storage = { mode: "connection-string", connectionString: v.STORAGE_CONNECTION_STRING };
  else if (v.STORAGE === "memory") storage = { mode: "memory" };
  else storage = { mode: "embedded", dataDir: v.DATA_DIR, tablePort: v.EMBEDDED_TABLE_PORT };

  const host = v.HOST ?? (auth.mode === "local" ? "127.0.0.1" : "0.0.0.0");
  if (auth.mode === "local" && !isLoopback(host)) {
    throw new ConfigError("HOST", "must be a loopback address in local mode (no MicrosoftAppId): unauthenticated requests are accepted only from this machine");
  }

  return {
    port: v.PORT,
    host,
    storage,
    auth,
    coordinators: v.COORDINATORS,
    allowedTenants: v.ALLOWED_TENANTS,
    tenantBoroughs: parseTenantBoroughs(v.TENANT_BOROUGHS),
    production,
    logLevel: v.LOG_LEVEL,
    digestCron: v.DIGEST_CRON,
    publicHostname: v.PUBLIC_HOSTNAME,
    nominationRetentionDays: v.NOMINATION_RETENTION_DAYS,
    ssoJwksUrl: checkedJwksUrl(v.SSO_JWKS_URL),
  };
}

/** The signing keys' address must be https, except a loopback address outside production (tests). */
function checkedMetadataUrl(text: string | undefined, production: boolean): string | undefined {
  if (text === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ConfigError("BotOpenIdMetadata", `"${text}" is not a URL`);
  }
  const loopbackHttp = url.protocol === "http:" && isLoopback(url.hostname) && !production;
  if (url.protocol !== "https:" && !loopbackHttp) throw new ConfigError("BotOpenIdMetadata", "must be an https address");
  return url.toString();
}

export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const a = address.replace(/^::ffff:/, "");
  return a === "::1" || a === "localhost" || /^127\.\d+\.\d+\.\d+$/.test(a);
}

/** The single sign-on keys' address: https, or plain http on this machine (a test key server). */
function checkedJwksUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ConfigError("SSO_JWKS_URL", `"${text}" is not a URL`);
  }
  if (url.protocol !== "https:" && !(url.protocol === "http:" && isLoopback(url.hostname))) throw new ConfigError("SSO_JWKS_URL", "must be an https address");
  return url.toString();
}

import { readFileSync } from "node:fs";
import path from "node:path";
import Ajv from "ajv-draft-04";
import { PNG } from "pngjs";
import { MAX_MENU_COMMANDS } from "./make-manifest";

/**
 * Offline checks of the Teams app package. The manifest is validated against the JSON schema that
 * @microsoft/app-manifest ships (draft-04, so ajv-draft-04), and then against the rules the schema
 * cannot say: icon sizes, a white-on-transparent outline, https addresses on a valid domain, the bot
 * id in the SSO settings, command lengths, and no placeholder left unfilled.
 */

/**
 * Manifest schema v1.22: the newest version Teams' documentation describes as generally available
 * and that @microsoft/app-manifest 1.1.2 ships. 1.23 to 1.30 add Copilot agent and shared-channel
 * features this app does not use; the admin centre and older Teams clients accept 1.22.
 */
export const SCHEMA_VERSION = "1.22";

export function schemaFile(version = SCHEMA_VERSION): string {
  const pkg = path.dirname(require.resolve("@microsoft/app-manifest/package.json"));
  return path.join(pkg, "build", "json-schemas", "teams", `v${version}`, "MicrosoftTeams.schema.json");
}

let compiled: ReturnType<Ajv["compile"]> | undefined;

function validator(): ReturnType<Ajv["compile"]> {
  if (!compiled) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    ajv.addFormat("uri", (text: string) => {
      try {
        new URL(text);
        return true;
      } catch {
        return false;
      }
    });
    compiled = ajv.compile(JSON.parse(readFileSync(schemaFile(), "utf8")) as object);
  }
  return compiled;
}

/** The schema's own messages, e.g. "/bots/0/botId must match pattern ..."; empty when valid. */
export function schemaErrors(manifest: unknown): string[] {
  const validate = validator();
  if (validate(manifest)) return [];
  return (validate.errors ?? []).map((e) => {
    const extra = e.params && "allowedValues" in e.params ? `: ${JSON.stringify((e.params as { allowedValues: unknown }).allowedValues)}` : "";
    return `${e.instancePath || "/"} ${e.message ?? "is not valid"}${extra}`;
  });
}

function iconProblems(name: string, png: Buffer | undefined, size: number, outline: boolean): string[] {
  if (!png) return [`${name} is missing from the package`];
  let image: PNG;
  try {
    image = PNG.sync.read(png);
  } catch {
    return [`${name} is not a PNG`];
  }
  if (image.width !== size || image.height !== size) return [`${name} is ${image.width}x${image.height}; Teams needs ${size}x${size}`];
  if (!outline) return [];
  for (let i = 0; i < image.data.length; i += 4) {
    const alpha = image.data[i + 3]!;
    const white = image.data[i] === 255 && image.data[i + 1] === 255 && image.data[i + 2] === 255;
    if (alpha !== 0 && !white) return [`${name} must be white on a transparent background`];
  }
  return [];
}

function collectUrls(value: unknown, found: string[] = []): string[] {
  if (typeof value === "string" && /^https?:\/\//i.test(value)) found.push(value);
  else if (Array.isArray(value)) value.forEach((v) => collectUrls(v, found));
  else if (value && typeof value === "object") Object.entries(value).forEach(([k, v]) => k !== "$schema" && collectUrls(v, found));
  return found;
}

interface CheckedManifest {
  id?: string;
  icons?: { color?: string; outline?: string };
  bots?: { botId?: string; commandLists?: { commands?: { title?: string; description?: string }[] }[] }[];
  validDomains?: string[];
  webApplicationInfo?: { id?: string; resource?: string };
}

/** The package rules beyond the schema; empty when the package is fine. */
export function packageProblems(manifest: CheckedManifest, files: Record<string, Buffer>): string[] {
  const problems: string[] = [];
  const text = JSON.stringify(manifest);
  if (/\{\{[A-Z_]+\}\}/.test(text)) problems.push("a {{placeholder}} was left unfilled");
  problems.push(...iconProblems(manifest.icons?.color ?? "color icon", files[manifest.icons?.color ?? ""], 192, false));
  problems.push(...iconProblems(manifest.icons?.outline ?? "outline icon", files[manifest.icons?.outline ?? ""], 32, true));
  const domains = manifest.validDomains ?? [];
  for (const url of collectUrls(manifest)) {
    const parsed = new URL(url);
    if (parsed.protocol !== "https:") problems.push(`${url} must use https`);
    else if (!domains.includes(parsed.hostname)) problems.push(`${url} is not on a valid domain (${domains.join(", ") || "none listed"})`);
  }
  const bot = manifest.bots?.[0];
  if (bot && manifest.webApplicationInfo?.id !== bot.botId)
    problems.push("webApplicationInfo.id must be the bot's app id, so single sign-on tokens carry it as audience");
  for (const list of bot?.commandLists ?? []) {
    if ((list.commands ?? []).length > MAX_MENU_COMMANDS) problems.push(`a command list has more than ${MAX_MENU_COMMANDS} commands`);
    for (const c of list.commands ?? []) {
      if ((c.title ?? "").length > 32) problems.push(`command "${c.title}" is longer than 32 characters`);
      if ((c.description ?? "").length > 128) problems.push(`the description of command "${c.title}" is longer than 128 characters`);
    }
  }
  return problems;
}

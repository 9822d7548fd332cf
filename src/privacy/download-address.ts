import type { Config } from "../config/config";

/** The path of a `my data` download; the token is the only thing that names the person. */
export const MY_DATA_PATH = "/api/my-data/";

/** Where the person's browser fetches the file: the public host in production, this computer in local mode. */
export function myDataDownloadUrl(config: Config, token: string): string {
  const base = config.auth.mode === "local" ? `http://localhost:${config.port}` : `https://${config.publicHostname}`;
  return `${base}${MY_DATA_PATH}${token}`;
}

import type { Host } from "./teams-host";

/** An error the service answered with: its plain message is safe to show. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** GETs one of the service's JSON addresses, with the Teams sign-in token when there is one. */
export async function getJson<T>(host: Host, path: string): Promise<T> {
  const token = await host.token();
  let res: Response;
  try {
    res = await fetch(path, { headers: { accept: "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) }, credentials: "same-origin" });
  } catch {
    throw new ApiError(0, "offline", "The service could not be reached. Check your connection and try again.");
  }
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    body = undefined;
  }
  if (!res.ok) {
    const e = body as { code?: unknown; message?: unknown } | undefined;
    throw new ApiError(
      res.status,
      typeof e?.code === "string" ? e.code : `http-${res.status}`,
      typeof e?.message === "string" ? e.message : "The service could not answer.",
    );
  }
  return body as T;
}

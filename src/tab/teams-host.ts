import { app, authentication } from "@microsoft/teams-js";

/** Where the tab runs: inside a Teams (or Microsoft 365) host, or as a plain web page. */
export interface Host {
  inTeams: boolean;
  /** A Teams single sign-on token for the service's API, or undefined outside Teams. */
  token(): Promise<string | undefined>;
  /** Which page Teams asked for (the channel tab's setting), if any. */
  pageHint?: string;
}

const INIT_TIMEOUT_MS = 4000;

export function applyTheme(theme: string | undefined): void {
  const name = theme === "dark" || theme === "contrast" ? theme : "default";
  document.body.dataset.theme = name;
}

function isLoopbackHost(hostname: string): boolean {
  return hostname === "localhost" || hostname === "127.0.0.1" || hostname === "[::1]";
}

/**
 * Besides Teams' own origins, a page served from this computer (local mode) also trusts a framing page
 * on this computer, so it can be tried in a local host page; a deployed page never does.
 */
export function extraOrigins(): string[] {
  if (!isLoopbackHost(location.hostname) || !document.referrer) return [];
  try {
    const parent = new URL(document.referrer);
    return isLoopbackHost(parent.hostname) && parent.protocol === "http:" ? [parent.origin] : [];
  } catch {
    return [];
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("timed out")), ms);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}

const plainPage: Host = { inTeams: false, token: async () => undefined };

/** Starts @microsoft/teams-js when the page is framed by a host; otherwise it is a plain page. */
export async function connectHost(): Promise<Host> {
  applyTheme(matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "default");
  if (window.parent === window) return plainPage;
  try {
    await withTimeout(app.initialize(extraOrigins()), INIT_TIMEOUT_MS);
  } catch {
    return plainPage;
  }
  let pageHint: string | undefined;
  try {
    const context = await withTimeout(app.getContext(), INIT_TIMEOUT_MS);
    applyTheme(context.app.theme);
    pageHint = context.page.subPageId || undefined;
  } catch {
    // A host that gives no context still frames the page: keep the default theme.
  }
  app.registerOnThemeChangeHandler(applyTheme);
  app.notifySuccess();
  let cached: { token: string; until: number } | undefined;
  return {
    inTeams: true,
    pageHint,
    async token() {
      if (cached && cached.until > Date.now()) return cached.token;
      try {
        const token = await withTimeout(authentication.getAuthToken(), 10_000);
        cached = { token, until: Date.now() + 5 * 60_000 };
        return token;
      } catch {
        return undefined;
      }
    },
  };
}

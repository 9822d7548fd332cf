/**
 * A page that frames the tab and answers @microsoft/teams-js as a Teams host would: the handshake
 * (initialize, getContext, getAuthToken) and, for a settings frame, the channel tab's configuration
 * messages (registerHandler "save", settings.setValidityState, settings.setSettings, save success or
 * failure). Every message the tab sends is kept in `window.calls`, their names in `window.seen`;
 * `window.save()` asks the tab to save, as Teams does when the person presses Save.
 */
export interface HostOptions {
  /** "content" for a tab page, "settings" for the channel tab's settings page. */
  frameContext?: "content" | "settings";
  theme?: "default" | "dark" | "contrast";
  subEntityId?: string;
  /** What authentication.getAuthToken answers; a refusal when undefined. */
  token?: string;
  width?: number;
  height?: number;
}

export interface HostCall {
  func: string;
  args: unknown[];
}

export function teamsHostPage(tabUrl: string, options: HostOptions = {}): string {
  const settings = {
    frameContext: options.frameContext ?? "content",
    theme: options.theme ?? "dark",
    subEntityId: options.subEntityId ?? "",
    token: options.token ?? null,
  };
  return `<!doctype html><html lang="en"><head><title>Simulated Teams host</title></head><body>
  <iframe id="tab" title="tab" src="${encodeURI(tabUrl)}" style="width:${options.width ?? 900}px;height:${options.height ?? 1200}px"></iframe><script>
    const settings = ${JSON.stringify(settings)};
    window.seen = [];
    window.calls = [];
    window.validity = undefined;
    window.saved = [];
    window.saveResult = undefined;
    const tab = () => document.getElementById("tab").contentWindow;
    window.save = () => tab().postMessage({ func: "settings.save", args: [{}] }, "*");
    window.addEventListener("message", (e) => {
      const m = e.data;
      if (!m || typeof m.func !== "string") return;
      window.seen.push(m.func);
      window.calls.push({ func: m.func, args: Array.isArray(m.args) ? m.args : [] });
      const reply = (args) => e.source.postMessage({ id: m.id, uuidAsString: m.uuidAsString, args }, e.origin);
      switch (m.func) {
        case "initialize":
          reply([settings.frameContext, "web", JSON.stringify({ apiVersion: 4, supports: { app: {}, authentication: {}, pages: { config: {}, appButton: {}, tabs: {} } } }), "2.58.0"]);
          break;
        case "getContext":
          reply([{ theme: settings.theme, locale: "en-gb", entityId: "hub", subEntityId: settings.subEntityId, frameContext: settings.frameContext, hostClientType: "web", tid: "t", userObjectId: "u" }]);
          break;
        case "authentication.getAuthToken":
          reply(settings.token ? [true, settings.token] : [false, "resourceDisabled"]);
          break;
        case "settings.setValidityState":
          window.validity = m.args[0];
          break;
        case "settings.setSettings":
          window.saved.push(m.args[0]);
          reply([true]);
          break;
        case "settings.save.success":
          window.saveResult = "success";
          break;
        case "settings.save.failure":
          window.saveResult = "failure: " + m.args[0];
          break;
      }
    });
  </script></body></html>`;
}

import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { freePort } from "./free-port";

/**
 * The Microsoft 365 Agents Playground, the local Teams-like client, pointed at the bot. It sends no
 * tokens, so the bot must run in local mode.
 */
export interface Playground {
  url: string;
  stop(): Promise<void>;
}

export async function startPlayground(botMessagesUrl: string): Promise<Playground> {
  const port = await freePort();
  const cli = path.resolve(__dirname, "../../node_modules/@microsoft/m365agentsplayground/cli.js");
  const child: ChildProcess = spawn(process.execPath, [cli, "-e", botMessagesUrl, "-c", "msteams", "-p", String(port), "--disable-telemetry"], {
    env: { ...process.env, TEAMSAPPTESTER_BROWSER: "none", BROWSER: "none" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the Agents Playground exited: ${output.slice(-2000)}`);
    try {
      const res = await fetch(url);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`the Agents Playground did not answer within 30 s: ${output.slice(-2000)}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    async stop() {
      if (child.exitCode !== null) return;
      await new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
        setTimeout(() => child.kill("SIGKILL"), 3000).unref();
      });
    },
  };
}

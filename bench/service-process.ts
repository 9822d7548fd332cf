import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { freePort } from "../tests/support/free-port";

/** The service as its own process (as `npm start` runs it), so its memory is measured alone. */
export interface ServiceProcess {
  url: string;
  pid: number;
  /** Peak resident set size so far, from the kernel's VmHWM, in MiB. */
  peakRssMb(): number;
  stop(): Promise<void>;
}

export async function startServiceProcess(env: Record<string, string>): Promise<ServiceProcess> {
  const port = await freePort();
  const root = path.resolve(__dirname, "..");
  // As `npm start` runs it: built first, then compiled JavaScript.
  execFileSync("npm", ["run", "--silent", "build"], { cwd: root, stdio: "ignore" });
  const start = (JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: { start: string } }).scripts.start;
  // The same node flags as `npm start` (read from package.json), so the memory measured is the service's.
  const flags = start.split(/\s+/).filter((word) => word.startsWith("--"));
  const child: ChildProcess = spawn(process.execPath, [...flags, path.join(root, "build/src/main.js")], {
    cwd: root,
    env: { ...process.env, PORT: String(port), LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (d) => (stderr += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the service exited: ${stderr}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // starting
    }
    if (Date.now() > deadline) throw new Error(`the service did not start: ${stderr}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    pid: child.pid!,
    peakRssMb() {
      const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
      const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? NaN);
      return kb / 1024;
    },
    async stop() {
      if (child.exitCode !== null) return;
      await new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
        setTimeout(() => child.kill("SIGKILL"), 5000).unref();
      });
    },
  };
}

import { spawn } from "node:child_process";
import path from "node:path";

/**
 * `npm run playground`: the Agents Playground pointed at the bot this computer runs, on the port
 * `npm start` listens on (PORT, default 3978; BOT_ENDPOINT names another address outright). Any
 * arguments after `--` are passed on, except a second `-e`/`--app-endpoint`, which would add a
 * second address.
 */
const port = process.env.PORT || "3978";
const endpoint = process.env.BOT_ENDPOINT || `http://127.0.0.1:${port}/api/messages`;
const args = process.argv.slice(2);
const own = args.findIndex((a) => a === "-e" || a === "--app-endpoint");
const extra = own >= 0 ? [...args.slice(0, own), ...args.slice(own + 2)] : args;
const chosen = own >= 0 ? args[own + 1] : undefined;
const cli = path.resolve(__dirname, "../node_modules/@microsoft/m365agentsplayground/cli.js");
const child = spawn(process.execPath, [cli, "-e", chosen ?? endpoint, "-c", "msteams", "--disable-telemetry", ...extra], {
  stdio: "inherit",
  env: { ...process.env, BOT_ENDPOINT: chosen ?? endpoint },
});
child.on("exit", (code) => process.exit(code ?? 0));

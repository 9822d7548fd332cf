import pino from "pino";

/** The structured logger every part of the service receives; never use console in src/. */
export type Logger = pino.Logger;

export function createLogger(options: { level?: string; name?: string } = {}): Logger {
  return pino({
    name: options.name ?? "disparities-hub",
    level: options.level ?? "info",
    base: undefined,
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
  });
}

/** A logger that drops everything: for tests and command-line runs that print their own output. */
export function silentLogger(): Logger {
  return pino({ level: "silent" });
}

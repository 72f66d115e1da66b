import { pino, type Logger as PinoLogger } from "pino";
import { getEnv } from "./env.server";

let instance: PinoLogger | undefined;

function processLogger(): PinoLogger {
  instance ??= pino({
    level: getEnv().LOG_LEVEL,
    base: { app: "cung-cau" },
    redact: {
      paths: [
        "password",
        "*.password",
        "token",
        "*.token",
        "headers.cookie",
        "headers.authorization",
      ],
      censor: "[redacted]",
    },
  });
  return instance;
}

/**
 * The process logger: JSON lines on stdout at LOG_LEVEL. Use child loggers for context,
 * e.g. `logger.child({ module: "orders" })`. Never log passwords, tokens or cookies.
 *
 * It is made on first use, not on import: importing a module must not read (and cache) the
 * configuration before the process has set it up, as start-up scripts and tests do.
 */
export const logger: PinoLogger = new Proxy({} as PinoLogger, {
  get(_target, property) {
    const target = processLogger();
    const value: unknown = Reflect.get(target, property, target);
    return typeof value === "function" ? value.bind(target) : value;
  },
});

export type Logger = PinoLogger;

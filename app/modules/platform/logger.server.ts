import { pino } from "pino";
import { getEnv } from "./env.server";

/**
 * The process logger: JSON lines on stdout at LOG_LEVEL. Use child loggers for context,
 * e.g. `logger.child({ module: "orders" })`. Never log passwords, tokens or cookies.
 */
export const logger = pino({
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

export type Logger = typeof logger;

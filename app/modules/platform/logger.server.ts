import { AsyncLocalStorage } from "node:async_hooks";
import { pino, type Logger as PinoLogger } from "pino";
import { getEnv } from "./env.server";

/** What every log line written while serving a request carries: its id (X-Request-Id). */
export interface RequestScope {
  requestId: string;
}

const SCOPE = Symbol.for("cung-cau.request-scope");

/**
 * The request being served, set by server/middleware.ts `requestId()`. One store per process
 * on globalThis: the server and the Remix server build each have their own copy of this
 * module, and both must see the same request.
 */
export const requestScope: AsyncLocalStorage<RequestScope> = ((
  globalThis as { [SCOPE]?: AsyncLocalStorage<RequestScope> }
)[SCOPE] ??= new AsyncLocalStorage<RequestScope>());

let instance: PinoLogger | undefined;

function processLogger(): PinoLogger {
  instance ??= pino({
    level: getEnv().LOG_LEVEL,
    base: { app: "cung-cau" },
    // Every line written while serving a request names it, so one request's lines can be found.
    mixin: () => {
      const scope = requestScope.getStore();
      return scope ? { reqId: scope.requestId } : {};
    },
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

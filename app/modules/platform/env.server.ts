import { z } from "zod";

/**
 * The whole configuration, read once from the environment and validated here so a bad
 * value stops the server at start-up with a clear message instead of failing later.
 */
const EnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    /**
     * "live" for a real marketplace: PUBLIC_URL and SESSION_SECRET are required and cookies
     * are Secure. Demo (accounts with printed passwords) is the default. Not derived from
     * NODE_ENV: `npm start` always runs production React and Remix, the demo included.
     */
    APP_MODE: z.enum(["demo", "live"]).default("demo"),
    DATABASE_PATH: z.string().min(1).default("./data/app.db"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    HOST: z.string().min(1).default("0.0.0.0"),
    /** "1" behind a reverse proxy: the client IP and protocol come from X-Forwarded-* headers. */
    TRUST_PROXY: z
      .enum(["0", "1"], { message: "TRUST_PROXY phải là 0 hoặc 1" })
      .default("0")
      .transform((value) => value === "1"),
    PUBLIC_URL: z.string().url().optional(),
    SESSION_SECRET: z.string().min(32, "SESSION_SECRET phải dài ít nhất 32 ký tự").optional(),
    UPLOADS_DIR: z.string().min(1).default("./data/uploads"),
    MEILI_HOST: z.string().url().optional(),
    MEILI_API_KEY: z.string().optional(),
    STRIPE_SECRET_KEY: z.string().optional(),
    STRIPE_WEBHOOK_SECRET: z.string().optional(),
    STRIPE_API_HOST: z.string().optional(),
    /** With STRIPE_API_HOST, points the Stripe client at a local stand-in (tests, development). */
    STRIPE_API_PORT: z.coerce.number().int().min(1).max(65535).optional(),
    STRIPE_API_PROTOCOL: z.enum(["http", "https"]).optional(),
    SMTP_URL: z.string().url().optional(),
    MAIL_FROM: z.string().default("Cung Cầu <no-reply@cungcau.local>"),
    /**
     * Who carries text messages (one-time codes, new-order alerts). "capture" is the stand-in:
     * messages are kept in the outbox, readable on the demo-only page /demo/tin-nhan, and count
     * as delivered; a real gateway is added as another value. Unset: "capture" in demo mode
     * (so phone confirmation can be tried), "none" in live mode (no phone confirmation).
     */
    SMS_PROVIDER: z.enum(["none", "capture"]).optional(),
    /** Zalo messages: like SMS_PROVIDER; no provider client exists yet, only the stand-in. */
    ZALO_PROVIDER: z.enum(["none", "capture"]).default("none"),
    /** Lets a caller from outside loopback read /healthz's details (Authorization: Bearer …). */
    OPS_TOKEN: z.string().min(32, "OPS_TOKEN phải dài ít nhất 32 ký tự").optional(),
    /** Where `db:backup` writes when given no file, and where old backups are deleted. */
    BACKUP_DIR: z.string().min(1).default("./data/backups"),
    /** Backups older than this are deleted, so an erased account is gone from them too. */
    BACKUP_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
    LOG_LEVEL: z
      .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"])
      .default("info"),
    /** A request body must bring BODY_MIN_BYTES_PER_SECOND × each window, or it is refused (408). */
    BODY_TIMEOUT_WINDOW_MS: z.coerce.number().int().min(100).default(30_000),
    BODY_MIN_BYTES_PER_SECOND: z.coerce.number().int().min(1).default(1024),
    /** The shared page cache for anonymous visitors (docs/decisions/033-page-cache.md): on or off. */
    PAGE_CACHE: z.enum(["on", "off"]).default("on"),
    /** The most memory, in MiB, its stored pages may take; the least recently used go first. */
    PAGE_CACHE_MAX_MB: z.coerce.number().int().min(1).max(4096).default(64),
  })
  .superRefine((env, ctx) => {
    if (env.APP_MODE !== "live") return;
    if (!env.PUBLIC_URL) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["PUBLIC_URL"],
        message:
          "PUBLIC_URL là bắt buộc khi APP_MODE=live (dùng cho mã QR, liên kết và kiểm tra nguồn gốc yêu cầu)",
      });
    }
    if (!env.SESSION_SECRET) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["SESSION_SECRET"],
        message: "SESSION_SECRET là bắt buộc khi APP_MODE=live (ít nhất 32 ký tự ngẫu nhiên)",
      });
    }
  });

export type Env = z.infer<typeof EnvSchema>;

/** The SMS provider in force: SMS_PROVIDER, else the stand-in in demo mode and none in live mode. */
export function smsProviderOf(env: Pick<Env, "SMS_PROVIDER" | "APP_MODE">): "none" | "capture" {
  return env.SMS_PROVIDER ?? (env.APP_MODE === "demo" ? "capture" : "none");
}

export class ConfigError extends Error {
  constructor(public readonly issues: string[]) {
    super(
      `Cấu hình không hợp lệ / invalid configuration:\n${issues.map((i) => `  - ${i}`).join("\n")}`,
    );
    this.name = "ConfigError";
  }
}

/** Parses an environment; throws ConfigError naming every bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  // Empty strings count as unset, the way shells and .env files usually mean them.
  const cleaned = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== undefined && value !== ""),
  );
  const result = EnvSchema.safeParse(cleaned);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`),
    );
  }
  return result.data;
}

let cached: Env | undefined;

/** The validated configuration of this process. */
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

import { t, type MessageKey, type MessageParams } from "~/lib/i18n/translate";
import type { Locale } from "~/lib/i18n/locales";

/**
 * Domain errors thrown by modules and turned into HTTP answers in one place
 * (app/modules/platform/http.server.ts). An error carries a message key and its parameters,
 * never a sentence: the edge renders it in the reader's language. `message` is the
 * Vietnamese rendering, for logs and for code that has no reader (the CLI).
 */
export class DomainError extends Error {
  constructor(
    public readonly status: number,
    public readonly code: string,
    public readonly messageKey: MessageKey,
    public readonly messageParams: MessageParams = {},
    public readonly details?: Record<string, unknown>,
  ) {
    super(t("vi", messageKey, messageParams));
    this.name = new.target.name;
  }

  /** The message in the reader's language. */
  messageIn(locale: Locale): string {
    return t(locale, this.messageKey, this.messageParams);
  }
}

export class NotFound extends DomainError {
  constructor(
    key: MessageKey = "errors.notFound",
    params?: MessageParams,
    details?: Record<string, unknown>,
  ) {
    super(404, "not_found", key, params, details);
  }
}

export class Unauthorized extends DomainError {
  constructor(key: MessageKey = "errors.unauthorized", params?: MessageParams) {
    super(401, "unauthorized", key, params);
  }
}

export class Forbidden extends DomainError {
  constructor(
    key: MessageKey = "errors.forbidden",
    params?: MessageParams,
    details?: Record<string, unknown>,
  ) {
    super(403, "forbidden", key, params, details);
  }
}

export class Conflict extends DomainError {
  constructor(key: MessageKey, params?: MessageParams, details?: Record<string, unknown>) {
    super(409, "conflict", key, params, details);
  }
}

export class Invalid extends DomainError {
  constructor(key: MessageKey, params?: MessageParams, details?: Record<string, unknown>) {
    super(400, "invalid", key, params, details);
  }
}

export class TooManyRequests extends DomainError {
  constructor(
    key: MessageKey,
    public readonly retryAfterSeconds: number,
    params?: MessageParams,
  ) {
    super(429, "too_many_requests", key, params, { retryAfterSeconds });
  }
}

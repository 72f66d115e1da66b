/**
 * Domain errors thrown by modules and turned into HTTP responses in one place
 * (`toResponse` in app/modules/platform/http.server.ts). `message` is user-facing Vietnamese.
 */
export class DomainError extends Error {
  constructor(
    message: string,
    public readonly status: number,
    public readonly code: string,
    public readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFound extends DomainError {
  constructor(
    message = "Không tìm thấy trang hoặc dữ liệu bạn cần.",
    details?: Record<string, unknown>,
  ) {
    super(message, 404, "not_found", details);
  }
}

export class Unauthorized extends DomainError {
  constructor(message = "Bạn cần đăng nhập để tiếp tục.") {
    super(message, 401, "unauthorized");
  }
}

export class Forbidden extends DomainError {
  constructor(
    message = "Bạn không có quyền thực hiện việc này.",
    details?: Record<string, unknown>,
  ) {
    super(message, 403, "forbidden", details);
  }
}

export class Conflict extends DomainError {
  constructor(message: string, details?: Record<string, unknown>) {
    super(message, 409, "conflict", details);
  }
}

export class Invalid extends DomainError {
  constructor(message: string, details?: Record<string, unknown>) {
    super(message, 400, "invalid", details);
  }
}

export class TooManyRequests extends DomainError {
  constructor(
    message: string,
    public readonly retryAfterSeconds: number,
  ) {
    super(message, 429, "too_many_requests", { retryAfterSeconds });
  }
}

/**
 * The security headers of every response (docs/decisions/002-content-security-policy.md).
 * Documents get a per-request nonce from app/entry.server.tsx; everything else (data
 * requests, the API, static files) gets the same headers without one from the express server.
 */

export interface SecurityHeaderOptions {
  /** The per-request nonce that every <script> of a document carries. */
  nonce?: string;
  /** Development: Vite's HMR needs a websocket and injects <style> tags. */
  isDevelopment?: boolean;
}

/** The Content-Security-Policy value: no inline script runs unless it carries the nonce. */
export function contentSecurityPolicy({
  nonce,
  isDevelopment = false,
}: SecurityHeaderOptions = {}): string {
  // 'strict-dynamic' lets the nonced entry scripts load the route modules they import;
  // without a nonce (a non-document response) no script may run at all.
  const scriptSrc = nonce ? `'nonce-${nonce}' 'strict-dynamic'` : "'none'";
  const directives: [string, string][] = [
    ["default-src", "'self'"],
    ["script-src", scriptSrc],
    ["style-src", isDevelopment ? "'self' 'unsafe-inline'" : "'self'"],
    ["img-src", "'self' data: blob:"],
    ["font-src", "'self'"],
    ["connect-src", isDevelopment ? "'self' ws: wss:" : "'self'"],
    ["frame-ancestors", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'"],
    ["object-src", "'none'"],
  ];
  return directives.map(([name, value]) => `${name} ${value}`).join("; ");
}

/**
 * `Strict-Transport-Security` for answers to HTTPS requests (server/middleware.ts): a year,
 * subdomains included. Not part of `securityHeaders()`, which also serve plain http.
 */
export const STRICT_TRANSPORT_SECURITY = "max-age=31536000; includeSubDomains";

/** Header name → value; set each one unless the response already chose its own. */
export function securityHeaders(options: SecurityHeaderOptions = {}): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(options),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "Cross-Origin-Opener-Policy": "same-origin",
  };
}

/** Sets the security headers on `headers`, keeping any a route already set. */
export function applySecurityHeaders(headers: Headers, options: SecurityHeaderOptions = {}): void {
  for (const [name, value] of Object.entries(securityHeaders(options))) {
    if (!headers.has(name)) headers.set(name, value);
  }
}

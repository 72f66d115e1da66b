import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, isNull } from "drizzle-orm";
import { Conflict, NotFound } from "~/lib/errors";
import { prepared, type Db } from "~db/client.server";
import { cleanText } from "~/lib/text";
import { apiTokens } from "~db/schema";

/**
 * Bearer tokens for the business API (`Authorization: Bearer cc_…`). The token is shown
 * once when created; only its SHA-256 (hex) is stored, so a leaked database does not leak
 * usable tokens. 32 random bytes make guessing hopeless, so no slow hash is needed.
 */

const TOKEN_PREFIX = "cc_";
const TOKEN_PATTERN = /^cc_[A-Za-z0-9_-]{43}$/;

/** SHA-256 hex of a token: what api_tokens.token_hash holds. */
export function hashApiToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Creates a token for the user and returns it in clear, the only time it exists as such. */
export function createApiToken(
  db: Db,
  userId: number,
  name: string,
): { id: number; token: string } {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  const row = db
    .insert(apiTokens)
    .values({ userId, name: cleanText(name) || "API", tokenHash: hashApiToken(token) })
    .returning({ id: apiTokens.id })
    .get();
  return { id: row.id, token };
}

/** How many working tokens one account may hold: one per program is plenty. */
export const MAX_API_TOKENS = 20;

/**
 * The buyer's "create key" (/tai-khoan/api): a new token unless she already holds
 * MAX_API_TOKENS working ones (409). The count and the insert run in one write transaction.
 */
export function createOwnApiToken(
  db: Db,
  userId: number,
  name: string,
): { id: number; token: string } {
  return db.$client
    .transaction(() => {
      if (listApiTokens(db, userId).length >= MAX_API_TOKENS) {
        throw new Conflict("business.error.tooManyTokens", { max: MAX_API_TOKENS });
      }
      return createApiToken(db, userId, name);
    })
    .immediate();
}

/** How often a token's last use is written: once a minute is precise enough to audit. */
const LAST_USED_PRECISION_MS = 60_000;

/**
 * Prepared once per database handle (`prepared`): the business API authenticates every
 * request, and preparing (parsing and planning) the query each time showed in the profile.
 */
const FIND_TOKEN = `SELECT t.id AS tokenId, t.user_id AS userId, t.last_used_at AS lastUsedAt
         FROM api_tokens t JOIN users u ON u.id = t.user_id
        WHERE t.token_hash = ? AND t.revoked_at IS NULL AND u.is_disabled = 0`;
const TOUCH_TOKEN = "UPDATE api_tokens SET last_used_at = ? WHERE id = ?";

/**
 * The user behind an `Authorization` header value ("Bearer cc_…") or a bare token; null when
 * the token is malformed, unknown, revoked or its user is disabled. Records the last use, at
 * most once a minute so that a busy client does not turn every read into a write.
 */
export function authenticateApiToken(
  db: Db,
  bearer: string | null | undefined,
): { tokenId: number; userId: number } | null {
  const token = (bearer ?? "").trim().replace(/^Bearer\s+/i, "");
  if (!TOKEN_PATTERN.test(token)) return null;
  const row = prepared<{ tokenId: number; userId: number; lastUsedAt: number | null }>(
    db,
    FIND_TOKEN,
  ).get(hashApiToken(token));
  if (!row) return null;
  const now = Date.now();
  if (row.lastUsedAt === null || now - row.lastUsedAt >= LAST_USED_PRECISION_MS) {
    prepared(db, TOUCH_TOKEN).run(now, row.tokenId);
  }
  return { tokenId: row.tokenId, userId: row.userId };
}

/** The user's tokens that still work, newest first: name, when made, when last used. */
export function listApiTokens(db: Db, userId: number) {
  return db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
    })
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id))
    .all();
}

/** One of the user's working tokens, for the "revoke?" question; another's (or a revoked one) is a 404. */
export function getApiToken(db: Db, userId: number, tokenId: number) {
  const token = listApiTokens(db, userId).find((candidate) => candidate.id === tokenId);
  if (!token) throw new NotFound("business.error.tokenNotFound");
  return token;
}

/** Revokes one of the user's tokens; false when it is not theirs or already revoked. */
export function revokeApiToken(db: Db, userId: number, tokenId: number): boolean {
  const result = db
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(
      and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)),
    )
    .run();
  return result.changes > 0;
}

/** Revokes one of the user's tokens, or 404 when it is not hers or no longer works (the page's answer). */
export function revokeOwnApiToken(db: Db, userId: number, tokenId: number): void {
  if (!revokeApiToken(db, userId, tokenId)) throw new NotFound("business.error.tokenNotFound");
}

import { createHash, randomBytes } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "~db/client.server";
import { apiTokens, users } from "~db/schema";

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
    .values({ userId, name: name.normalize("NFC").trim() || "API", tokenHash: hashApiToken(token) })
    .returning({ id: apiTokens.id })
    .get();
  return { id: row.id, token };
}

/**
 * The user behind an `Authorization` header value ("Bearer cc_…") or a bare token; null when
 * the token is malformed, unknown, revoked or its user is disabled. Records the last use.
 */
export function authenticateApiToken(
  db: Db,
  bearer: string | null | undefined,
): { tokenId: number; userId: number } | null {
  const token = (bearer ?? "").trim().replace(/^Bearer\s+/i, "");
  if (!TOKEN_PATTERN.test(token)) return null;
  const row = db
    .select({ tokenId: apiTokens.id, userId: apiTokens.userId })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(
      and(
        eq(apiTokens.tokenHash, hashApiToken(token)),
        isNull(apiTokens.revokedAt),
        eq(users.isDisabled, false),
      ),
    )
    .get();
  if (!row) return null;
  db.update(apiTokens).set({ lastUsedAt: new Date() }).where(eq(apiTokens.id, row.tokenId)).run();
  return row;
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

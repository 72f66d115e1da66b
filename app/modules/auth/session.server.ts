import { redirect } from "@remix-run/node";
import { and, eq, gt, lt, ne, sql } from "drizzle-orm";
import { createHash, createHmac, randomBytes } from "node:crypto";
import { preparedQuery, type Db } from "~db/client.server";
import { sessions, users, type Locale, type TeamPermission } from "~db/schema";
import { Forbidden } from "~/lib/errors";
import { DEFAULT_LOCALE } from "~/lib/i18n/locales";
import { getDb } from "~/modules/platform/db.server";
import { getEnv, type Env } from "~/modules/platform/env.server";
import {
  areCookiesSecure,
  parseCookieHeader,
  readLangCookie,
} from "~/modules/platform/cookies.server";
import { toResponse } from "~/modules/platform/http.server";
import { noteAssistedProducer } from "~/modules/platform/audit-scope.server";
import { withAssistContext } from "~/modules/assist/context.server";
import { narrowToPermission } from "~/modules/team/access";
import type { Actor, SignedInActor } from "./actor";
import { membershipsOf } from "./memberships.server";
import { requirePermission, type StaffPermission } from "./permissions.server";

/**
 * Sessions are rows in `sessions`; the browser holds a random 32-byte token in the httpOnly
 * cookie `cc_session` and the row's id is a hash of it, so a copy of the database holds no
 * usable cookie. Logging out deletes the row, which makes the old cookie worthless at once.
 * docs/decisions/004-sessions-and-login.md.
 */

export const SESSION_COOKIE = "cc_session";
export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/**
 * The row id of a token: HMAC-SHA-256 keyed with SESSION_SECRET when it is set (required in
 * production; changing it ends every session), plain SHA-256 otherwise (development, tests).
 */
export function sessionIdOf(token: string, env: Pick<Env, "SESSION_SECRET"> = getEnv()): string {
  const secret = env.SESSION_SECRET;
  return secret
    ? createHmac("sha256", secret).update(token, "utf8").digest("hex")
    : createHash("sha256").update(token, "utf8").digest("hex");
}

/** The session token of the request's cookie, when it has a well-formed one. */
export function readSessionToken(request: Request): string | null {
  const token = parseCookieHeader(request.headers.get("Cookie")).get(SESSION_COOKIE);
  return token && TOKEN_PATTERN.test(token) ? token : null;
}

type CookieEnv = Pick<Env, "APP_MODE">;

/** `Set-Cookie` for the session: httpOnly, SameSite=Lax, Secure in live mode. */
export function sessionCookieHeader(token: string, expiresAt: Date, env: CookieEnv = getEnv()) {
  const maxAge = Math.max(0, Math.round((expiresAt.getTime() - Date.now()) / 1000));
  return serializeCookie(SESSION_COOKIE, token, maxAge, expiresAt, env);
}

/** `Set-Cookie` that removes the session cookie. */
export function clearSessionCookieHeader(env: CookieEnv = getEnv()) {
  return serializeCookie(SESSION_COOKIE, "", 0, new Date(0), env);
}

function serializeCookie(
  name: string,
  value: string,
  maxAge: number,
  expires: Date,
  env: CookieEnv,
): string {
  const parts = [
    `${name}=${value}`,
    "Path=/",
    `Max-Age=${maxAge}`,
    `Expires=${expires.toUTCString()}`,
    "HttpOnly",
    "SameSite=Lax",
  ];
  if (areCookiesSecure(env)) parts.push("Secure");
  return parts.join("; ");
}

export interface SessionMeta {
  ipAddress?: string | null;
  userAgent?: string | null;
}

export interface CreatedSession {
  /** The row id (hash of the token). */
  id: string;
  token: string;
  expiresAt: Date;
  /** A `Cookie` request header carrying this session (tests, scripts). */
  cookie: string;
  /** The `Set-Cookie` response header that gives the browser this session. */
  setCookie: string;
}

/** Starts a session for the user (a new random token every time) and drops expired ones. */
export async function createSession(
  db: Db,
  userId: number,
  meta: SessionMeta = {},
  now = new Date(),
): Promise<CreatedSession> {
  const token = randomBytes(32).toString("base64url");
  const id = sessionIdOf(token);
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  db.transaction((tx) => {
    tx.delete(sessions).where(lt(sessions.expiresAt, now)).run();
    tx.insert(sessions)
      .values({
        id,
        userId,
        expiresAt,
        ipAddress: meta.ipAddress?.slice(0, 64) ?? null,
        userAgent: meta.userAgent?.slice(0, 300) ?? null,
        createdAt: now,
      })
      .run();
  });
  return {
    id,
    token,
    expiresAt,
    cookie: `${SESSION_COOKIE}=${token}`,
    setCookie: sessionCookieHeader(token, expiresAt),
  };
}

/**
 * Logs the browser in as `userId`: deletes whatever session its cookie named (so an id planted
 * before login is never the one that gets signed in) and starts a new one.
 */
export async function startLoginSession(
  db: Db,
  request: Request,
  userId: number,
  clientIp: string,
): Promise<CreatedSession> {
  const previous = readSessionToken(request);
  if (previous)
    db.delete(sessions)
      .where(eq(sessions.id, sessionIdOf(previous)))
      .run();
  return createSession(db, userId, {
    ipAddress: clientIp,
    userAgent: request.headers.get("User-Agent"),
  });
}

/** Logs out: deletes the request's session row; returns the `Set-Cookie` that clears it. */
export function destroySession(db: Db, request: Request): string {
  const token = readSessionToken(request);
  if (token)
    db.delete(sessions)
      .where(eq(sessions.id, sessionIdOf(token)))
      .run();
  return clearSessionCookieHeader();
}

/** Ends every session of a user except `keepSessionId` (after a password change). */
export function destroyOtherSessions(db: Db, userId: number, keepSessionId: string | null): void {
  db.delete(sessions)
    .where(
      and(
        eq(sessions.userId, userId),
        keepSessionId === null ? undefined : ne(sessions.id, keepSessionId),
      ),
    )
    .run();
}

/**
 * The locale of a page: the signed-in user's saved locale (the language switch stores it on
 * the account, so it follows them to other devices), else the `lang` cookie, else Vietnamese.
 */
function localeOf(request: Request, userLocale: Locale | null): Locale {
  return userLocale ?? readLangCookie(request) ?? DEFAULT_LOCALE;
}

/** The user of a live session; every signed-in request reads it (prepared once). */
const sessionUser = (db: Db) =>
  db
    .select({
      id: users.id,
      displayName: users.displayName,
      locale: users.locale,
      isDisabled: users.isDisabled,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.id, sql.placeholder("sessionId")),
        gt(sessions.expiresAt, sql.placeholder("nowMs")),
      ),
    )
    .prepare();

/** Who is asking, read from the database: anonymous for no, unknown or expired sessions. */
export function loadActor(db: Db, request: Request, now = new Date()): Actor {
  const token = readSessionToken(request);
  if (!token) return { kind: "anonymous", locale: localeOf(request, null) };
  const sessionId = sessionIdOf(token);
  // expires_at is stored in milliseconds; a placeholder's value is bound as the driver stores it.
  const user = preparedQuery(db, sessionUser).get({ sessionId, nowMs: now.getTime() });
  if (!user || user.isDisabled) return { kind: "anonymous", locale: localeOf(request, null) };
  return {
    ...actorMemberships(db, user.id),
    userId: user.id,
    sessionId,
    displayName: user.displayName,
    locale: localeOf(request, user.locale),
  };
}

/**
 * A user as an actor outside a request (start-up work such as the demo data, scripts):
 * their memberships as a signed-in session would see them, with their saved language.
 * Unknown or disabled users are `null`.
 */
export function actorForUser(db: Db, userId: number): SignedInActor | null {
  const user = db.select().from(users).where(eq(users.id, userId)).get();
  if (!user || user.isDisabled) return null;
  return {
    ...actorMemberships(db, user.id),
    userId: user.id,
    sessionId: null,
    displayName: user.displayName,
    locale: user.locale ?? DEFAULT_LOCALE,
  };
}

/** The memberships as the actor carries them (and as the root loader sends them to pages). */
function actorMemberships(db: Db, userId: number) {
  const { isBuyer, producers, staff } = membershipsOf(db, userId);
  return {
    kind: "user" as const,
    isBuyer,
    producers: producers.map(({ producerId, producerCode, producerName, role, permissions }) => ({
      producerId,
      producerCode,
      producerName,
      role,
      permissions,
    })),
    staff: staff.map(({ orgUnitId, orgUnitCode, orgUnitPath, role }) => ({
      orgUnitId,
      orgUnitCode,
      orgUnitPath,
      role,
    })),
  };
}

// One lookup per request even when the root loader and the route's loader both ask.
const actorsByRequest = new WeakMap<Request, Actor>();

/** Who is asking (contract for every route): anonymous when there is no valid session. */
export async function getActor(request: Request): Promise<Actor> {
  let actor = actorsByRequest.get(request);
  if (!actor) {
    const db = getDb();
    actor = loadActor(db, request);
    // A staff member acting for a producer (assisted mode) carries that producer; only staff
    // can hold a context, so nobody else pays for the lookup.
    if (actor.kind === "user" && actor.staff.length > 0) actor = withAssistContext(db, actor);
    actorsByRequest.set(request, actor);
  }
  // What she does outside the staff pages she does for the producer: audit entries say so.
  if (actor.kind === "user" && actor.assisting && !isStaffPath(request)) {
    noteAssistedProducer(actor.assisting.producerId, actor.userId);
  }
  return actor;
}

/** The staff pages (/quan-ly/…): what staff do there is their own work, not the producer's. */
function isStaffPath(request: Request): boolean {
  const path = new URL(request.url).pathname;
  return path === "/quan-ly" || path.startsWith("/quan-ly/");
}

/** The log-in page, returning to the current page afterwards. */
export function loginRedirect(request: Request): Response {
  const url = new URL(request.url);
  const next = `${url.pathname}${url.search}`;
  return redirect(`/dang-nhap?next=${encodeURIComponent(next)}`);
}

/** The signed-in user; anonymous visitors are redirected to /dang-nhap?next=<this page>. */
export async function requireUser(request: Request): Promise<SignedInActor> {
  const actor = await getActor(request);
  if (actor.kind !== "user") throw loginRedirect(request);
  return actor;
}

/** A signed-in user with a buyer profile; others get 403. */
export async function requireBuyer(request: Request): Promise<SignedInActor> {
  const actor = await requireUser(request);
  if (!actor.isBuyer) {
    throw toResponse(new Forbidden("auth.error.buyerOnly"), actor.locale);
  }
  return actor;
}

/**
 * A signed-in member of at least one producer; others get 403. With `need` (a team
 * permission), the actor keeps only the producers whose owner lets her do that, and a member
 * allowed it for none gets 403 saying so (docs/decisions/029-care-team.md).
 */
export async function requireProducerActor(
  request: Request,
  need?: TeamPermission,
): Promise<SignedInActor> {
  const actor = await requireUser(request);
  if (actor.producers.length === 0) {
    throw toResponse(new Forbidden("auth.error.producerOnly"), actor.locale);
  }
  if (!need) return actor;
  const allowed = narrowToPermission(actor, need);
  if (allowed.producers.length === 0) {
    throw toResponse(new Forbidden(`team.error.need.${need}`), actor.locale);
  }
  return allowed;
}

/**
 * A signed-in staff member holding `permission` somewhere; the route's module query then
 * scopes to their subtree (`scopePaths`). Others get 403.
 */
export async function requireStaff(
  request: Request,
  permission: StaffPermission,
): Promise<SignedInActor> {
  const actor = await requireUser(request);
  try {
    requirePermission(actor, permission, null);
  } catch (error) {
    throw toResponse(error, actor.locale);
  }
  return actor;
}

/**
 * The client's address from the Remix load context (server/index.ts sets `clientIp`);
 * "unknown" when there is none, e.g. a test calling an action directly.
 */
export function clientIpOf(context: { clientIp?: unknown } | undefined | null): string {
  const ip = context?.clientIp;
  return typeof ip === "string" && ip !== "" ? ip : "unknown";
}

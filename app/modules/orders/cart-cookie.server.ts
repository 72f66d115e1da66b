import type { Actor } from "~/modules/auth/actor";
import { areCookiesSecure } from "~/modules/platform/cookies.server";
import type { Db } from "~db/client.server";
import {
  countCartItems,
  GUEST_CART_COOKIE,
  mergeGuestCart,
  newGuestCartToken,
  type CartOwner,
} from "./cart.server";

const MAX_AGE_SECONDS = 30 * 24 * 60 * 60;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** The guest cart token from the request's cookie, if it looks like one of ours. */
export function readGuestCartToken(request: Request): string | null {
  const header = request.headers.get("Cookie") ?? "";
  for (const part of header.split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name === GUEST_CART_COOKIE) {
      const value = decodeURIComponent(rest.join("="));
      return TOKEN_PATTERN.test(value) ? value : null;
    }
  }
  return null;
}

function cookie(value: string, maxAge: number): string {
  const secure = areCookiesSecure() ? "; Secure" : "";
  return `${GUEST_CART_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${secure}`;
}

/**
 * Whose cart a request is about: the signed-in user's, or the guest's cookie token. For a
 * guest without a cookie, a new token is made when `create` is set and the Set-Cookie header
 * to send is returned with it.
 */
export function cartOwnerFor(
  request: Request,
  actor: Actor,
  options: { create?: boolean } = {},
): { owner: CartOwner | null; setCookie: string | null } {
  if (actor.kind === "user") return { owner: { userId: actor.userId }, setCookie: null };
  const token = readGuestCartToken(request);
  if (token) return { owner: { guestToken: token }, setCookie: null };
  if (!options.create) return { owner: null, setCookie: null };
  const fresh = newGuestCartToken();
  return { owner: { guestToken: fresh }, setCookie: cookie(fresh, MAX_AGE_SECONDS) };
}

/** Number of products in the cart of this request, for the header badge. */
export function cartCountFor(db: Db, request: Request, actor: Actor): number {
  const { owner } = cartOwnerFor(request, actor);
  return owner ? countCartItems(db, owner) : 0;
}

/**
 * For the login action, right after the session is created: moves the guest cart (if any)
 * into the account and returns the Set-Cookie value that clears the guest cookie, or null.
 */
export function mergeGuestCartAtLogin(db: Db, request: Request, userId: number): string | null {
  const token = readGuestCartToken(request);
  if (!token) return null;
  mergeGuestCart(db, token, userId);
  return cookie("", 0);
}

/**
 * The cart of a page request. A signed-in user who still carries a guest cart cookie (the
 * login action did not merge it) gets it merged now; the returned Set-Cookie clears it.
 */
export function cartForPage(
  db: Db,
  request: Request,
  actor: Actor,
): { owner: CartOwner | null; setCookie: string | null } {
  if (actor.kind === "user") {
    const setCookie = mergeGuestCartAtLogin(db, request, actor.userId);
    return { owner: { userId: actor.userId }, setCookie };
  }
  return cartOwnerFor(request, actor);
}

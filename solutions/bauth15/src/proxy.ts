// #region proxy
import { getSessionCookie } from "better-auth/cookies";
import { NextResponse, type NextRequest } from "next/server";
import { SESSION_COOKIE_PREFIX } from "./lib/auth-cookies";
import { readAppUrl } from "./lib/env";
import { withSecurityHeaders } from "./lib/security-headers";

/** The pages only a signed-in visitor may open. */
const PROTECTED = /^\/dashboard(?:\/|$)/;

/**
 * Next.js 16's proxy (the former middleware). Two jobs:
 * - every response it passes on gets the security headers (src/lib/security-headers.ts);
 * - an optimistic gate for /dashboard: it only asks "is there a session cookie?"
 *   and sends a visitor without one to the login page before anything renders.
 *   It does not check the signature, the row or the expiry: requireUser() on the
 *   server does. Never make an access decision here.
 */
export function proxy(request: NextRequest): NextResponse {
  const appUrl = readAppUrl();
  const { pathname } = request.nextUrl;
  // getSessionCookie finds both "bauth.session_token" (http) and "__Secure-bauth.session_token" (https).
  if (!PROTECTED.test(pathname) || getSessionCookie(request, { cookiePrefix: SESSION_COOKIE_PREFIX })) {
    return withSecurityHeaders(NextResponse.next(), appUrl);
  }
  const login = new URL("/login", request.url);
  login.searchParams.set("next", pathname);
  return withSecurityHeaders(NextResponse.redirect(login), appUrl);
}

// Every route but Next.js's own static files: pages, /login and /api/* all get the headers.
export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"] };
// #endregion proxy

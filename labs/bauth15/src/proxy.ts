// #region proxy
import { getSessionCookie } from "better-auth/cookies";
import { NextResponse, type NextRequest } from "next/server";
import { SESSION_COOKIE_PREFIX } from "./lib/auth-cookies";

/**
 * Next.js 16's proxy (the former middleware): an optimistic gate. It only asks
 * "is there a session cookie?" and sends a visitor without one to the login
 * page before anything renders. It does not check the signature, the row or
 * the expiry: a stale cookie gets through, and requireUser() on the server
 * refuses it. Never make an access decision here.
 *
 * TODO(bauth15): every response the proxy returns, the redirect too, carries the
 * security headers (src/lib/security-headers.ts); /login, / and /api/* included.
 */
export function proxy(request: NextRequest): NextResponse {
  // getSessionCookie finds both "bauth.session_token" (http) and "__Secure-bauth.session_token" (https).
  if (getSessionCookie(request, { cookiePrefix: SESSION_COOKIE_PREFIX })) return NextResponse.next();
  const login = new URL("/login", request.url);
  login.searchParams.set("next", request.nextUrl.pathname);
  return NextResponse.redirect(login);
}

// TODO(bauth15): the headers are needed on every page and on /api/* as well.
// Only the protected pages: /login itself must stay outside, or the redirect would loop.
// ":path*" is zero or more segments: /dashboard itself included.
export const config = { matcher: ["/dashboard/:path*"] };
// #endregion proxy

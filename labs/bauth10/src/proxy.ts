import { NextResponse, type NextRequest } from "next/server";

/**
 * Next.js 16's proxy (the former middleware): an optimistic gate. It only asks
 * "is there a session cookie?" and sends a visitor without one to the login
 * page before anything renders. It does not check the signature, the row or
 * the expiry: a stale cookie gets through, and requireUser() on the server
 * refuses it. Never make an access decision here.
 */
export function proxy(request: NextRequest): NextResponse {
  // TODO(bauth10): найдите cookie сессии: getSessionCookie(request, { cookiePrefix: SESSION_COOKIE_PREFIX })
  //   (getSessionCookie — из "better-auth/cookies", константа — из ./lib/auth-cookies, не литерал!).
  //   Есть cookie — NextResponse.next(); нет — NextResponse.redirect на new URL("/login", request.url).
  void request;
  return NextResponse.next();
}

// TODO(bauth10): proxy должен работать только для /dashboard и всего, что под ним.
//   /login сюда попадать не должен: иначе редирект на /login зациклится.
export const config = { matcher: [] as string[] };

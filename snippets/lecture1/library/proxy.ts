// Would be src/proxy.ts of the library app (Next.js 16's renamed middleware.ts).
// #region proxy
import { getSessionCookie } from "better-auth/cookies";
import { NextResponse, type NextRequest } from "next/server";
import { LIBRARY_COOKIE_PREFIX } from "./cookie-prefix"; // не ./auth: без базы

export function proxy(request: NextRequest) {
  // есть ли cookie — и только: подпись и строку proxy не проверяет
  const cookie = getSessionCookie(request, { cookiePrefix: LIBRARY_COOKIE_PREFIX });
  if (cookie) return NextResponse.next();
  return NextResponse.redirect(new URL("/sign-in", request.url));
}
export const config = { matcher: ["/my-loans/:path*"] }; // /sign-in — снаружи
// #endregion proxy

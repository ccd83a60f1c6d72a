// src/proxy.ts (Next.js 16: бывший middleware.ts).
// #region proxy
import { getSessionCookie } from "better-auth/cookies";
import { type NextRequest, NextResponse } from "next/server";
import { SESSION_COOKIE_PREFIX } from "./auth";

export function proxy(request: NextRequest) {
  // Только «есть ли cookie». Подпись, срок и строку в БД
  // здесь не проверяем: это делает requireUser() на сервере.
  const token = getSessionCookie(request, {
    cookiePrefix: SESSION_COOKIE_PREFIX,
  });
  if (!token) {
    return NextResponse.redirect(new URL("/login", request.url));
  }
  return NextResponse.next();
}

export const config = { matcher: ["/dashboard/:path*"] };
// #endregion proxy

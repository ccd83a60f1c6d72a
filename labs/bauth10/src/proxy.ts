import { NextResponse, type NextRequest } from "next/server";

/**
 * Next.js 16's proxy (the former middleware): an optimistic gate. It only asks
 * "is there a session cookie?" and sends a visitor without one to the login
 * page before anything renders. It does not check the signature, the row or
 * the expiry: a stale cookie gets through, and requireUser() on the server
 * refuses it. Never make an access decision here.
 */
export function proxy(request: NextRequest): NextResponse {
  // TODO(bauth10): есть cookie сессии с префиксом SESSION_COOKIE_PREFIX (из ./lib/auth-cookies, не литерал!) —
  //   пропустите запрос дальше; нет — отправьте на /login этого сайта с параметром next (куда вернуться).
  //   Найти cookie поможет функция Better Auth из "better-auth/cookies".
  void request;
  return NextResponse.next();
}

// TODO(bauth10): proxy должен работать только для /dashboard и всего, что под ним.
//   /login сюда попадать не должен: иначе редирект на /login зациклится.
export const config = { matcher: [] as string[] };

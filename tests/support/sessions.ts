import { signedCookieValue } from "./http.ts";

/** The part of a Better Auth instance this helper uses: its resolved context. */
export interface AuthWithContext {
  $context: Promise<{
    secret: string;
    authCookies: { sessionToken: { name: string } };
    internalAdapter: { createSession(userId: string): Promise<{ token: string } | null> };
  }>;
}

export interface OpenedSession {
  token: string;
  /** `Cookie` header value, as the browser would send it. */
  cookie: string;
  headers: Headers;
}

/**
 * One more session of an existing user, without a password check: Better Auth's
 * own internal adapter writes the same `sessions` row a sign-in writes, and the
 * cookie is signed as Better Auth signs it. A sign-in costs a scrypt
 * hash (about 100 ms); this costs one INSERT. Use it where the test is about what
 * happens to a session (expiry, sign-out), not about how it was opened.
 */
export async function openSession(auth: AuthWithContext, userId: string): Promise<OpenedSession> {
  const context = await auth.$context;
  const session = await context.internalAdapter.createSession(userId);
  if (!session) throw new Error("Better Auth не создал сессию тестового пользователя");
  const cookie = `${context.authCookies.sessionToken.name}=${signedCookieValue(session.token, context.secret)}`;
  return { token: session.token, cookie, headers: new Headers({ cookie }) };
}

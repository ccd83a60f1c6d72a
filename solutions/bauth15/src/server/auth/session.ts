import { auth } from "../../lib/auth";

/** What the rest of the server knows about the caller: no token, no hash, no timestamps. */
export type CurrentUser = { id: string; email: string; name: string; role: string };

/** Thrown when a request has no valid session; the code lets a tRPC or HTTP layer map it to 401. */
export class UnauthorizedError extends Error {
  readonly code = "UNAUTHORIZED";
  override name = "UnauthorizedError";

  constructor(message = "Нужно войти в систему.") {
    super(message);
  }
}

/**
 * The user behind the request's session cookie, or null. Better Auth checks the HMAC
 * signature, finds the sessions row, checks expires_at and loads the user: every bad
 * case (no cookie, forged, unknown, deleted or expired session) ends as null.
 *
 * With the cookie cache on, a request that carries a valid session_data cookie is
 * answered from that signed copy, without the database: a session revoked a moment
 * ago still passes here for up to SESSION_CACHE_MAX_AGE. Fine for ordinary pages;
 * whatever must see a revocation at once reads through requireLiveUser().
 */
export async function getCurrentUser(headers: Headers): Promise<CurrentUser | null> {
  const result = await auth.api.getSession({ headers });
  if (!result) return null;
  // Copy the fields we promise, so nothing else of Better Auth's user leaks into the app.
  const { id, email, name, role } = result.user;
  return { id, email, name, role };
}

/** For code that must not run anonymously: the user, or an UnauthorizedError. */
export async function requireUser(headers: Headers): Promise<CurrentUser> {
  const user = await getCurrentUser(headers);
  if (!user) throw new UnauthorizedError();
  return user;
}

// #region live-user
/**
 * For sensitive reads (the list of devices, account settings): the user behind a
 * session row that exists right now. The cookie cache is skipped, so a session
 * revoked on another device (sign out everywhere, a password change) stops here
 * at once, not SESSION_CACHE_MAX_AGE later. Costs the database read the cache saves.
 */
export async function requireLiveUser(headers: Headers): Promise<CurrentUser> {
  const result = await auth.api.getSession({ headers, query: { disableCookieCache: true } });
  if (!result) throw new UnauthorizedError();
  const { id, email, name, role } = result.user;
  return { id, email, name, role };
}
// #endregion live-user

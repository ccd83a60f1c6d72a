import { auth, SESSION_FRESH_AGE } from "../../lib/auth";
import { UnauthorizedError, type CurrentUser } from "./session";

/** The session is valid but too old for a destructive action: the user must sign in again. */
export class SessionNotFreshError extends Error {
  override name = "SessionNotFreshError";
  /** Better Auth's own code for the same refusal (freshSessionMiddleware). */
  readonly code = "SESSION_NOT_FRESH";

  constructor(message = "Для этого действия войдите заново: сессия старше 10 минут") {
    super(message);
  }
}

/**
 * For destructive actions (change the password or email, delete the account):
 * a valid session is not enough, it must have been opened by a sign-in within
 * SESSION_FRESH_AGE. Throws UnauthorizedError without a session and
 * SessionNotFreshError when the sign-in is older.
 */
export async function requireFreshSession(headers: Headers): Promise<CurrentUser> {
  // disableCookieCache: a destructive action decides on the database row, never on a cached copy.
  const result = await auth.api.getSession({ headers, query: { disableCookieCache: true } });
  if (!result) throw new UnauthorizedError();
  // Counted from createdAt, the moment of the sign-in, as Better Auth's freshSessionMiddleware does:
  // updatedAt moves with every renewal, so a stolen session in use would stay "fresh" forever.
  const age = Date.now() - result.session.createdAt.getTime();
  if (age >= SESSION_FRESH_AGE * 1000) throw new SessionNotFreshError();
  const { id, email, name, role } = result.user;
  return { id, email, name, role };
}

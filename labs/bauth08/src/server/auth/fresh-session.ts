import type { CurrentUser } from "./session";

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
  // TODO(bauth08): прочитайте сессию запроса через Better Auth — из базы, мимо cookie-кэша.
  //   Нет сессии — UnauthorizedError из ./session.
  //   Вход был SESSION_FRESH_AGE секунд назад или раньше (считайте от момента входа, а не от продления) —
  //   SessionNotFreshError. Иначе — четыре поля пользователя, как у requireUser.
  void headers;
  throw new Error("requireFreshSession ещё не написана (TODO bauth08)");
}

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

export async function getCurrentUser(headers: Headers): Promise<CurrentUser | null> {
  // TODO(bauth06): прочитайте сессию через auth.api.getSession({ headers }).
  // Нет сессии — верните null. Есть — верните только { id, email, name, role } из result.user.
  // Не разбирайте cookie сами: подпись, поиск строки и срок проверяет Better Auth.
  return null;
}

export async function requireUser(headers: Headers): Promise<CurrentUser> {
  // TODO(bauth06): если getCurrentUser вернул null, бросьте new UnauthorizedError().
  const user = await getCurrentUser(headers);
  return user as CurrentUser;
}

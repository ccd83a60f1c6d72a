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
  // TODO(bauth06): узнайте пользователя по сессии запроса через серверный API Better Auth.
  // Нет действующей сессии — null; есть — только четыре поля CurrentUser, новым объектом.
  // Не разбирайте cookie сами: подпись, поиск строки и срок проверяет Better Auth.
  return null;
}

export async function requireUser(headers: Headers): Promise<CurrentUser> {
  // TODO(bauth06): аноним сюда не проходит: без пользователя — UnauthorizedError.
  const user = await getCurrentUser(headers);
  return user as CurrentUser;
}

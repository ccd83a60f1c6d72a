import type { CurrentUser } from "../../server/auth/session";

/**
 * The data of the /dashboard page, read on the server. The proxy already sent
 * visitors without a cookie to /login, but it cannot tell a valid session from
 * an expired or revoked one.
 */
export async function loadDashboard(headers: Headers): Promise<{ user: CurrentUser }> {
  // TODO(bauth10): проверьте сессию по-настоящему, на сервере, функцией из bauth06 (../../server/auth/session),
  //   и верните проверенного пользователя. Без действующей сессии — UnauthorizedError, так и должно быть.
  void headers;
  throw new Error("loadDashboard ещё не написана (TODO bauth10)");
}

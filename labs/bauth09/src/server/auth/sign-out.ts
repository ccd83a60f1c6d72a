export type SignOutResult = { ok: true; setCookie: string[] } | { ok: false; code: string; message: string };

/**
 * Ends this device's session: its row in sessions must disappear, so any copy
 * of the cookie (a stolen one too) opens nothing any more. setCookie holds the
 * Set-Cookie lines (Max-Age=0) that wipe the cookie in the browser.
 */
export async function signOut(headers: Headers): Promise<SignOutResult> {
  // TODO(bauth09): завершите сессию этого устройства через серверный API Better Auth
  //   и верните строки Set-Cookie его ответа (они стирают cookie в браузере).
  void headers;
  return { ok: false, code: "NOT_IMPLEMENTED", message: "signOut ещё не написан (TODO bauth09)" };
}

/**
 * "Sign out everywhere" ("I lost my phone"): deletes every session row of the
 * user, on every device. Needs a valid session: nobody can sign out someone else.
 */
export async function signOutEverywhere(headers: Headers): Promise<SignOutResult> {
  // TODO(bauth09): удалите все сессии пользователя через серверный API Better Auth и верните строки Set-Cookie.
  //   Без сессии Better Auth отказывает: верните { ok: false, code, message } с его кодом (или "UNAUTHORIZED").
  //   Ошибку, которая не отказ Better Auth, пробросьте дальше.
  void headers;
  return { ok: false, code: "NOT_IMPLEMENTED", message: "signOutEverywhere ещё не написан (TODO bauth09)" };
}

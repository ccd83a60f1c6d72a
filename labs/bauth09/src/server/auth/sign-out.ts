export type SignOutResult = { ok: true; setCookie: string[] } | { ok: false; code: string; message: string };

/**
 * Ends this device's session: its row in sessions must disappear, so any copy
 * of the cookie (a stolen one too) opens nothing any more. setCookie holds the
 * Set-Cookie lines (Max-Age=0) that wipe the cookie in the browser.
 */
export async function signOut(headers: Headers): Promise<SignOutResult> {
  // TODO(bauth09): вызовите auth.api.signOut({ headers, returnHeaders: true })
  //   и верните { ok: true, setCookie: headers.getSetCookie() } из ответа.
  void headers;
  return { ok: false, code: "NOT_IMPLEMENTED", message: "signOut ещё не написан (TODO bauth09)" };
}

/**
 * "Sign out everywhere" ("I lost my phone"): deletes every session row of the
 * user, on every device. Needs a valid session: nobody can sign out someone else.
 */
export async function signOutEverywhere(headers: Headers): Promise<SignOutResult> {
  // TODO(bauth09): вызовите auth.api.revokeSessions({ headers, returnHeaders: true }) и верните { ok: true, setCookie }.
  //   Без сессии Better Auth бросает APIError (isAPIError из "better-auth/api"):
  //   верните { ok: false, code: error.body?.code ?? "UNAUTHORIZED", message }. Другие ошибки пробросьте дальше.
  void headers;
  return { ok: false, code: "NOT_IMPLEMENTED", message: "signOutEverywhere ещё не написан (TODO bauth09)" };
}

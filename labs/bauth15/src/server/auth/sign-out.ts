import { isAPIError } from "better-auth/api";
import { auth } from "../../lib/auth";

export type SignOutResult = { ok: true; setCookie: string[] } | { ok: false; code: string; message: string };

/**
 * Ends this device's session: Better Auth deletes its row in sessions, so any
 * copy of the cookie (a stolen one too) opens nothing any more. setCookie holds
 * the Set-Cookie lines (Max-Age=0) that wipe the cookie in the browser.
 */
export async function signOut(headers: Headers): Promise<SignOutResult> {
  const { headers: responseHeaders } = await auth.api.signOut({ headers, returnHeaders: true });
  return { ok: true, setCookie: responseHeaders.getSetCookie() };
}

/**
 * "Sign out everywhere" ("I lost my phone"): deletes every session row of the
 * user, on every device. Needs a valid session: nobody can sign out someone else.
 */
export async function signOutEverywhere(headers: Headers): Promise<SignOutResult> {
  try {
    const { headers: responseHeaders } = await auth.api.revokeSessions({ headers, returnHeaders: true });
    return { ok: true, setCookie: responseHeaders.getSetCookie() };
  } catch (error) {
    // No valid session: a refusal the caller shows, not a crash.
    if (!isAPIError(error)) throw error;
    return { ok: false, code: error.body?.code ?? "UNAUTHORIZED", message: "Сначала войдите." };
  }
}

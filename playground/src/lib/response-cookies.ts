import { parseSetCookieHeader, toCookieOptions } from "better-auth/cookies";
import { cookies } from "next/headers";

/**
 * The lab's helpers return Better Auth's Set-Cookie lines instead of writing
 * them, because they know nothing of Next.js. A Server Action hands them to
 * the browser through next/headers, keeping every attribute Better Auth chose
 * (HttpOnly, SameSite, Path, Max-Age), so what the browser stores is the lab's cookie.
 * A lab with Better Auth's nextCookies() plugin has already written the same
 * cookies itself; writing them again changes nothing, and a lab without the
 * plugin still works.
 */
export async function forwardSetCookies(setCookie: readonly string[]): Promise<void> {
  const jar = await cookies();
  for (const line of setCookie) {
    for (const [name, attributes] of parseSetCookieHeader(line)) {
      jar.set(name, attributes.value, toCookieOptions(attributes));
    }
  }
}

/** The session cookie's value as this request now sees it (after any cookie an action wrote). */
export async function sessionCookieValue(): Promise<string | undefined> {
  // Any prefix: the name is the lab's choice (bauth10 reads it from SESSION_COOKIE_PREFIX).
  return (await cookies()).getAll().find((cookie) => cookie.name.endsWith(".session_token"))?.value;
}

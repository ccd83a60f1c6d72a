import { parseSetCookieHeader, toCookieOptions } from "better-auth/cookies";
import { cookies } from "next/headers";

/**
 * The lab's helpers return Better Auth's Set-Cookie lines instead of writing
 * them, because they know nothing of Next.js. A Server Action hands them to
 * the browser through next/headers, keeping every attribute Better Auth chose
 * (HttpOnly, SameSite, Path, Max-Age), so what the browser stores is the lab's cookie.
 */
export async function forwardSetCookies(setCookie: readonly string[]): Promise<void> {
  const jar = await cookies();
  for (const line of setCookie) {
    for (const [name, attributes] of parseSetCookieHeader(line)) {
      jar.set(name, attributes.value, toCookieOptions(attributes));
    }
  }
}

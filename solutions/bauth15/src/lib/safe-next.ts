/** Where a sign-in lands when `next` is missing or points somewhere it must not. */
export const AFTER_SIGN_IN = "/dashboard";

/**
 * The page to return to after the sign-in: the proxy sends a visitor to
 * `/login?next=<path>`, and the login form redirects there once the password
 * checks out. Anyone can write a link with their own `next`, so it is checked
 * as the browser will read it: resolved against the app's URL, kept only on
 * the app's own origin, and handed back as a path (path, query, fragment).
 *
 * String checks ("starts with / but not //") miss what the URL parser does:
 * it drops tabs and newlines ("/\t/evil.example" becomes "//evil.example") and
 * reads "\" as "/" ("/\evil.example"), so such a `next` leaves the site.
 */
export function safeNext(next: string | null | undefined, appUrl: string): string {
  if (!next) return AFTER_SIGN_IN;
  const app = new URL(appUrl);
  let target: URL;
  try {
    target = new URL(next, app);
  } catch {
    return AFTER_SIGN_IN;
  }
  // Scheme, host and port: https://evil.example, //evil.example and javascript: (origin "null") all differ.
  if (target.origin !== app.origin) return AFTER_SIGN_IN;
  const path = `${target.pathname}${target.search}${target.hash}`;
  // "/.//evil.example" resolves on this origin to the path "//evil.example", which a Location header reads as a host.
  return path.startsWith("//") ? AFTER_SIGN_IN : path;
}

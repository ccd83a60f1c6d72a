/**
 * The headers every response of the app carries: what the browser is told
 * about pages that hold a session. src/proxy.ts puts them on each response it
 * lets through or redirects, so pages, the login form and the API all get them.
 */

/** One year, in seconds: the HSTS lifetime browsers' preload lists expect. */
export const HSTS_MAX_AGE = 60 * 60 * 24 * 365;

/** next dev only: React's development build evaluates code (eval) for its debugging aids. */
const DEV_SCRIPTS = process.env.NODE_ENV === "development" ? " 'unsafe-eval'" : "";

const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  // Next.js starts each page with inline <script> tags; dropping 'unsafe-inline' needs a nonce per request.
  `script-src 'self' 'unsafe-inline'${DEV_SCRIPTS}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  // No page may be framed: clickjacking the sign-in form or "sign out everywhere" needs a frame.
  "frame-ancestors 'none'",
  // An injected <base> or <form action> cannot send the page's links or the password elsewhere.
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join("; ");

/** The header names and values for an app served at `appUrl` (BETTER_AUTH_URL). */
export function securityHeaders(appUrl: string): Record<string, string> {
  const headers: Record<string, string> = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    // A response is what its Content-Type says: a JSON answer is never sniffed into HTML or a script.
    "X-Content-Type-Options": "nosniff",
    // Full URLs (with ?next=…) stay on this site; other sites see nothing, not even the origin.
    "Referrer-Policy": "same-origin",
  };
  // Over https only: a browser ignores HSTS received over http, and on a local http stand it would mean nothing.
  if (new URL(appUrl).protocol === "https:") {
    headers["Strict-Transport-Security"] = `max-age=${HSTS_MAX_AGE}; includeSubDomains`;
  }
  return headers;
}

/** Sets the security headers on a response and returns it. */
export function withSecurityHeaders<T extends Response>(response: T, appUrl: string): T {
  for (const [name, value] of Object.entries(securityHeaders(appUrl))) response.headers.set(name, value);
  return response;
}

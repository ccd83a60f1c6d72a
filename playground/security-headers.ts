/**
 * The playground's response headers: what a browser needs to be told about a
 * page that holds a session. next.config.ts sends them on every route, and the
 * e2e test (scripts/playground/e2e.ts) checks them on real responses.
 */
export interface HeaderOptions {
  /** The app's URL (BETTER_AUTH_URL): HSTS only makes sense, and only works, over https. */
  appUrl: string;
  /** next dev: React's dev build evaluates code (eval) and the hot reload talks over a WebSocket. */
  dev: boolean;
}

export function securityHeaders({ appUrl, dev }: HeaderOptions): { key: string; value: string }[] {
  const csp = [
    "default-src 'self'",
    // 'unsafe-inline': Next.js bootstraps each page with inline <script> tags. Removing it needs a per-request
    // nonce from a proxy on every page, which would also make every page dynamic; the playground does without.
    `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    // No page of this app may be framed: clickjacking a "sign out everywhere" or a sign-in form needs a frame.
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join("; ");
  const headers = [
    { key: "Content-Security-Policy", value: csp },
    // The same for browsers that predate frame-ancestors.
    { key: "X-Frame-Options", value: "DENY" },
    // A response is what its Content-Type says, never sniffed into HTML or a script.
    { key: "X-Content-Type-Options", value: "nosniff" },
    // Full URLs (with ?next=...) stay on this site; other sites see nothing, not even the origin.
    { key: "Referrer-Policy", value: "same-origin" },
  ];
  if (new URL(appUrl).protocol === "https:") {
    // Over https only: a browser ignores HSTS received over http, and on http://localhost it would mean nothing.
    headers.push({ key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" });
  }
  return headers;
}

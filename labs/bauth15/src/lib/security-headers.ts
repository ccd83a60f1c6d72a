/**
 * The headers every response of the app carries: what the browser is told
 * about pages that hold a session. src/proxy.ts is to put them on each
 * response it lets through or redirects.
 */

/** The header names and values for an app served at `appUrl` (BETTER_AUTH_URL). */
export function securityHeaders(appUrl: string): Record<string, string> {
  // TODO(bauth15): Content-Security-Policy (frame-ancestors 'none' among its directives), X-Content-Type-Options,
  // Referrer-Policy; Strict-Transport-Security only when appUrl is https (README: «Контракт»).
  void appUrl;
  return {};
}

/** Sets the security headers on a response and returns it. */
export function withSecurityHeaders<T extends Response>(response: T, appUrl: string): T {
  for (const [name, value] of Object.entries(securityHeaders(appUrl))) response.headers.set(name, value);
  return response;
}

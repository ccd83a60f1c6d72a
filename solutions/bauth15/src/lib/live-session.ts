// #region live-session
import type { BetterAuthPlugin } from "better-auth";
import { createAuthMiddleware } from "better-auth/api";

/**
 * Better Auth's own endpoints that authorize with the session as the cookie
 * cache holds it (sessionMiddleware, freshSessionMiddleware). The rest of its
 * sensitive endpoints (change-password, change-email, delete-user, revoke-*)
 * already re-read the row. Left alone, a session revoked a minute ago could,
 * until SESSION_CACHE_MAX_AGE runs out, list the user's other sessions (their
 * tokens and IP addresses included) and rewrite the profile.
 */
export const LIVE_SESSION_PATHS: ReadonlySet<string> = new Set([
  "/list-sessions",
  "/update-user",
  "/update-session",
  "/list-accounts",
  "/unlink-account",
]);

/**
 * A plugin whose before hook sets `disableCookieCache` on those endpoints:
 * Better Auth's session middleware reads that query flag, so the session
 * comes from the sessions table there, and only there.
 */
export function liveSessionOnSensitiveEndpoints() {
  return {
    id: "live-session-on-sensitive-endpoints",
    hooks: {
      before: [
        {
          matcher: (context) => LIVE_SESSION_PATHS.has(context.path ?? ""),
          handler: createAuthMiddleware(async (ctx) => ({ context: { query: { ...ctx.query, disableCookieCache: true } } })),
        },
      ],
    },
  } satisfies BetterAuthPlugin;
}
// #endregion live-session

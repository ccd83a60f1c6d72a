import type { BetterAuthPlugin } from "better-auth";
import { APIError, createAuthMiddleware, getAuthoritativeSessionFromCtx } from "better-auth/api";

/**
 * Endpoints that take over an account if a stolen session may call them.
 * Better Auth guards them with sensitiveSessionMiddleware, which wants a valid
 * session but not a fresh one (freshness is checked by /list-sessions,
 * /unlink-account and a password-less /delete-user), so the course adds it here.
 */
const FRESH_SESSION_PATHS = new Set(["/change-password", "/change-email"]);

export const SESSION_NOT_FRESH_MESSAGE =
  "Для этого действия войдите заново: сменить пароль или email можно только в течение 10 минут после входа.";

/**
 * A plugin, because its before-hooks run for every call of those endpoints:
 * the HTTP handler (/api/auth/change-password) and auth.api.changePassword alike.
 * A check in the app's own server function would leave the HTTP endpoint open.
 */
export function sensitiveActions() {
  return {
    id: "sensitive-actions",
    hooks: {
      before: [
        {
          matcher: (ctx) => FRESH_SESSION_PATHS.has(ctx.path ?? ""),
          handler: createAuthMiddleware(async (ctx) => {
            // From the database row, never from a cookie cache. No session: the endpoint itself answers 401.
            const session = await getAuthoritativeSessionFromCtx(ctx);
            if (!session) return;
            // Counted from created_at, the sign-in: updated_at moves with every renewal.
            const age = Date.now() - new Date(session.session.createdAt).getTime();
            if (age >= ctx.context.sessionConfig.freshAge * 1000) {
              throw new APIError("FORBIDDEN", { code: "SESSION_NOT_FRESH", message: SESSION_NOT_FRESH_MESSAGE });
            }
            // Whatever the client sent: a new password ends every other session (a stolen one too).
            if (ctx.path === "/change-password") return { context: { body: { ...ctx.body, revokeOtherSessions: true } } };
          }),
        },
      ],
    },
  } satisfies BetterAuthPlugin;
}

import { isAPIError } from "better-auth/api";
import { auth } from "@lab/lib/auth";

type SessionList = Awaited<ReturnType<typeof auth.api.listSessions>>;

/**
 * The caller's sessions, or null when Better Auth withholds the list.
 * `auth.api.listSessions` runs behind Better Auth's freshSessionMiddleware: a
 * session opened by a sign-in longer than `session.freshAge` ago gets 403
 * SESSION_NOT_FRESH. That is the normal state of anyone who signed in more than
 * ten minutes ago, so the page asks for a new sign-in instead of failing. Sign
 * out everywhere (`revokeSessions`) and revoking one session (`revokeSession`)
 * need only a valid session (sensitiveSessionMiddleware), so they keep working.
 */
export async function listSessionsIfFresh(headers: Headers): Promise<SessionList | null> {
  try {
    return await auth.api.listSessions({ headers });
  } catch (error) {
    if (isAPIError(error) && error.body?.code === "SESSION_NOT_FRESH") return null;
    throw error;
  }
}

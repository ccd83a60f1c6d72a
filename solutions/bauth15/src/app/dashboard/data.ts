// #region load-dashboard
import { and, desc, eq, gt } from "drizzle-orm";
import { db } from "../../db";
import { sessions } from "../../db/schema";
import { requireLiveUser, type CurrentUser } from "../../server/auth/session";

/** One signed-in device as the page lists it. Never the token: it is that device's bearer secret. */
export type Device = {
  id: string;
  createdAt: Date;
  expiresAt: Date;
  ipAddress: string | null;
  userAgent: string | null;
};

/**
 * The data of the /dashboard page, read on the server. The proxy already sent
 * visitors without a cookie to /login, but it cannot tell a valid session from
 * an expired or revoked one. The list of devices is a sensitive read: the caller
 * is checked against the sessions table itself, never against the cookie cache,
 * so a device signed out everywhere a second ago sees nothing.
 */
export async function loadDashboard(headers: Headers): Promise<{ user: CurrentUser; devices: Device[] }> {
  const user = await requireLiveUser(headers);
  const devices = await db
    .select({
      id: sessions.id,
      createdAt: sessions.createdAt,
      expiresAt: sessions.expiresAt,
      ipAddress: sessions.ipAddress,
      userAgent: sessions.userAgent,
    })
    .from(sessions)
    // Only this user's sessions, and only live ones: Better Auth deletes an expired row at its next read, not before.
    .where(and(eq(sessions.userId, user.id), gt(sessions.expiresAt, new Date())))
    .orderBy(desc(sessions.createdAt));
  return { user, devices };
}
// #endregion load-dashboard

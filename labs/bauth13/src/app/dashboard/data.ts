// #region load-dashboard
import { requireUser, type CurrentUser } from "../../server/auth/session";

/**
 * The data of the /dashboard page, read on the server. The proxy already sent
 * visitors without a cookie to /login, but it cannot tell a valid session from
 * an expired or revoked one: requireUser() checks the row, every time.
 */
export async function loadDashboard(headers: Headers): Promise<{ user: CurrentUser }> {
  const user = await requireUser(headers);
  return { user };
}
// #endregion load-dashboard

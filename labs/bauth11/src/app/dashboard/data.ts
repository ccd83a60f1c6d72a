import { requireUser, type CurrentUser } from "../../server/auth/session";

/** One signed-in device as the page lists it. */
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
 * an expired or revoked one.
 */
export async function loadDashboard(headers: Headers): Promise<{ user: CurrentUser; devices: Device[] }> {
  // TODO(bauth11): список устройств — чувствительное чтение: проверьте сессию мимо cookie-кэша (requireLiveUser),
  //   а в devices верните живые сессии этого пользователя из таблицы sessions, новые сверху, без токенов.
  const user = await requireUser(headers);
  return { user, devices: [] };
}

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { UnauthorizedError } from "../../server/auth/session";
import { loadDashboard } from "./data";

// A Server Component: it reads the request's cookies, so Next.js renders it per request, never from a cache.
// #region dashboard-guard
export default async function DashboardPage() {
  const { user, devices } = await loadDashboard(await headers()).catch((error: unknown) => {
    // The proxy let a stale cookie through; the real check said no.
    if (error instanceof UnauthorizedError) redirect("/login");
    throw error;
  });
  // #endregion dashboard-guard
  return (
    <main>
      <h1>Здравствуйте, {user.name}</h1>
      <p>Вы вошли как {user.email}.</p>
      <h2>Устройства, где вы вошли</h2>
      <ul>
        {devices.map((device) => (
          <li key={device.id}>
            {device.userAgent ?? "неизвестный браузер"}, вход {device.createdAt.toLocaleString("ru-RU")}
          </li>
        ))}
      </ul>
    </main>
  );
}

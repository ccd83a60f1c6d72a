import { headers } from "next/headers";
import Link from "next/link";
import { redirect } from "next/navigation";
import { loadDashboard } from "@lab/app/dashboard/data";
import { auth } from "@lab/lib/auth";
import { UnauthorizedError } from "@lab/server/auth/session";
import { AuthForm } from "../../components/auth-form";
import { BrowserRequests } from "../../components/browser-requests";
import { SignOutButton } from "../../components/sign-out-button";
import { listSessionsIfFresh } from "../../lib/sessions";
import { changePasswordAction, revokeSessionAction, signOutEverywhereAction } from "../actions";

/**
 * Two guards, as in the lab: the lab's proxy.ts has already turned away a
 * request without a session cookie (an optimistic check, it reads no database),
 * and the lab's loadDashboard() checks the session itself with requireUser(),
 * so a forged, revoked or expired cookie ends here with a redirect too.
 */
export default async function DashboardPage({ searchParams }: { searchParams: Promise<{ password?: string | string[] }> }) {
  const { password } = await searchParams;
  const requestHeaders = new Headers(await headers());
  let loaded: Awaited<ReturnType<typeof loadDashboard>>;
  try {
    loaded = await loadDashboard(requestHeaders);
  } catch (error) {
    if (error instanceof UnauthorizedError) redirect("/login");
    // Anything else is the lab's own code failing (a TODO still open): say so instead of a blank error page.
    return <LabFailure error={error} />;
  }
  const { user } = loaded;

  const [current, sessions] = await Promise.all([
    auth.api.getSession({ headers: requestHeaders }),
    // null once the sign-in is older than freshAge: Better Auth lists sessions only to a fresh one.
    listSessionsIfFresh(requestHeaders),
  ]);
  if (!current) redirect("/login");

  return (
    <>
      <section className="card">
        <h1>Кабинет</h1>
        <dl className="facts" data-testid="user">
          <dt>Имя</dt>
          <dd>{user.name}</dd>
          <dt>Email</dt>
          <dd data-testid="user-email">{user.email}</dd>
          <dt>Роль</dt>
          <dd>{user.role}</dd>
          <dt>id</dt>
          <dd>
            <code>{user.id}</code>
          </dd>
        </dl>
      </section>

      <section className="card">
        <h2>Текущая сессия</h2>
        <dl className="facts" data-testid="current-session">
          <dt>Создана</dt>
          <dd>{formatDate(current.session.createdAt)}</dd>
          <dt>Истекает</dt>
          <dd>{formatDate(current.session.expiresAt)}</dd>
          <dt>IP</dt>
          <dd>{current.session.ipAddress || "—"}</dd>
          <dt>Браузер</dt>
          <dd>{current.session.userAgent || "—"}</dd>
        </dl>
        <p className="muted">
          Cookie с токеном сессии — HttpOnly: JavaScript страницы его не видит, браузер отправляет его сам.
        </p>
      </section>

      {sessions ? (
        <SessionTable sessions={sessions} currentId={current.session.id} />
      ) : (
        <section className="card" data-testid="sessions-not-fresh">
          <h2>Активные сессии</h2>
          <p>
            Список устройств Better Auth показывает только после недавнего входа, а эта сессия открыта давно (
            {formatDate(current.session.createdAt)}). <Link href="/login?next=/dashboard">Войдите снова</Link>, чтобы
            увидеть список и завершить отдельные сессии.
          </p>
          <p className="muted">«Выйти на всех устройствах» работает и без этого — кнопка ниже.</p>
        </section>
      )}

      <BrowserRequests />

      <section className="card">
        <h2>Смена пароля</h2>
        {password === "changed" ? (
          <p className="notice" data-testid="password-changed">
            Пароль изменён. Остались ли в списке сессий другие устройства, решает код лабы.
          </p>
        ) : null}
        <p className="muted">
          Форма вызывает <code>auth.api.changePassword</code> и не просит завершить другие сессии. С bauth14 их
          завершает плагин лабы: тогда второй браузер после смены пароля окажется на странице входа.
        </p>
        <AuthForm
          action={changePasswordAction}
          submit="Сменить пароль"
          pending="Меняем…"
          fields={[
            { name: "currentPassword", label: "Текущий пароль", type: "password", autoComplete: "current-password" },
            { name: "newPassword", label: "Новый пароль", type: "password", autoComplete: "new-password" },
          ]}
        />
      </section>

      <section className="card actions">
        <SignOutButton />
        <form action={signOutEverywhereAction}>
          <button type="submit" className="danger">
            Выйти на всех устройствах
          </button>
        </form>
      </section>
    </>
  );
}

type SessionRow = NonNullable<Awaited<ReturnType<typeof listSessionsIfFresh>>>[number];

function SessionTable({ sessions, currentId }: { sessions: readonly SessionRow[]; currentId: string }) {
  const newestFirst = [...sessions].sort((a, b) => +new Date(b.createdAt) - +new Date(a.createdAt));
  return (
    <section className="card">
      <h2>Активные сессии ({sessions.length})</h2>
      <table data-testid="sessions">
        <thead>
          <tr>
            <th>Создана</th>
            <th>Истекает</th>
            <th>Браузер</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {newestFirst.map((session) => (
            <tr key={session.id}>
              <td>
                {formatDate(session.createdAt)}
                {session.id === currentId ? (
                  <>
                    {" "}
                    <span className="badge">это устройство</span>
                  </>
                ) : null}
              </td>
              <td>{formatDate(session.expiresAt)}</td>
              <td className="muted">{shortAgent(session.userAgent)}</td>
              <td>
                <form action={revokeSessionAction}>
                  <input type="hidden" name="sessionId" value={session.id} />
                  <button type="submit" className="danger">
                    Завершить
                  </button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function LabFailure({ error }: { error: unknown }) {
  return (
    <section className="card">
      <h1>Кабинет не открылся</h1>
      <p>
        <code>loadDashboard()</code> из <code>src/app/dashboard/data.ts</code> лабы бросила ошибку:
      </p>
      <p className="error" data-testid="lab-error">
        {error instanceof Error ? error.message : String(error)}
      </p>
      <p className="muted">Допишите TODO в коде лабы и обновите страницу: Next.js перекомпилирует её сам.</p>
    </section>
  );
}

function formatDate(value: Date | string): string {
  return new Date(value).toLocaleString("ru-RU", { dateStyle: "medium", timeStyle: "medium" });
}

function shortAgent(agent: string | null | undefined): string {
  if (!agent) return "—";
  const browser = /(Chrome|Chromium|Firefox|Safari|Edg)\/[\d.]+/.exec(agent)?.[0];
  return browser ?? agent.slice(0, 40);
}

import Link from "next/link";
import { AuthForm } from "../../components/auth-form";
import { signInAction } from "../actions";
import { hasPasswordReset, requiresVerifiedEmail } from "../../lib/lab-features";

// /login, because that is where the lab's proxy.ts sends a visitor without a session cookie.
export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string | string[]; reset?: string | string[] }>;
}) {
  const { next, reset } = await searchParams;
  return (
    <div className="card narrow">
      <h1>Вход</h1>
      {typeof next === "string" ? (
        <p className="muted">
          Страница <code>{next}</code> только для вошедших: proxy.ts лабы отправил вас сюда.
        </p>
      ) : null}
      {reset === "done" ? (
        <p className="notice" data-testid="reset-done">
          Пароль изменён. Войдите с новым паролем.
        </p>
      ) : null}
      <AuthForm
        action={signInAction}
        submit="Войти"
        pending="Входим…"
        hidden={{ next: typeof next === "string" ? next : "/dashboard" }}
        fields={[
          { name: "email", label: "Email", type: "email", autoComplete: "email" },
          { name: "password", label: "Пароль", type: "password", autoComplete: "current-password" },
        ]}
      />
      <p className="muted">
        Нет аккаунта? <Link href="/sign-up">Зарегистрируйтесь</Link>.
        {hasPasswordReset() ? (
          <>
            {" "}
            <Link href="/forgot-password">Забыли пароль?</Link>
          </>
        ) : null}
      </p>
      {requiresVerifiedEmail() ? (
        <p className="muted">
          В этой лабе войти можно только с подтверждённым email. Письмо со ссылкой — в{" "}
          <Link href="/outbox">почте песочницы</Link>.
        </p>
      ) : null}
    </div>
  );
}

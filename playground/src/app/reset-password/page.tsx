import Link from "next/link";
import { AuthForm } from "../../components/auth-form";
import { resetPasswordAction } from "../actions";

/**
 * Where Better Auth's /api/auth/reset-password/<token> sends the link from the
 * letter: with ?token=… while the token exists and has not expired, with
 * ?error=INVALID_TOKEN otherwise (used already, expired or made up).
 */
export default async function ResetPasswordPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string | string[]; error?: string | string[] }>;
}) {
  const { token, error } = await searchParams;
  return (
    <div className="card narrow">
      <h1>Новый пароль</h1>
      {typeof token === "string" && error === undefined ? (
        <AuthForm
          action={resetPasswordAction}
          submit="Сохранить пароль"
          pending="Сохраняем…"
          hidden={{ token }}
          fields={[
            { name: "newPassword", label: "Новый пароль (от 8 символов)", type: "password", autoComplete: "new-password" },
          ]}
        />
      ) : (
        <p className="error" role="alert" data-testid="reset-link-error">
          Ссылка для сброса пароля недействительна: её уже открывали или срок вышел. <Link href="/forgot-password">Запросите новую</Link>.
        </p>
      )}
    </div>
  );
}

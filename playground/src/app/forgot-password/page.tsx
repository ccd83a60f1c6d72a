import Link from "next/link";
import { AuthForm } from "../../components/auth-form";
import { hasPasswordReset } from "../../lib/lab-features";
import { requestPasswordResetAction } from "../actions";

export default function ForgotPasswordPage() {
  return (
    <div className="card narrow">
      <h1>Сброс пароля</h1>
      {hasPasswordReset() ? (
        <>
          <p className="muted">
            Лаба пришлёт ссылку для нового пароля в <Link href="/outbox">почту песочницы</Link>. Ответ формы одинаков
            для любого адреса: по нему не узнать, есть ли такой аккаунт.
          </p>
          <AuthForm
            action={requestPasswordResetAction}
            submit="Прислать ссылку"
            pending="Отправляем…"
            fields={[{ name: "email", label: "Email", type: "email", autoComplete: "email" }]}
          />
        </>
      ) : (
        <p data-testid="reset-missing">
          В этой лабе сброса пароля нет: письмо со ссылкой отправляет <code>emailAndPassword.sendResetPassword</code>,
          он появляется в bauth14.
        </p>
      )}
    </div>
  );
}

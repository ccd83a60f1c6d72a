import Link from "next/link";
import { AuthForm } from "../../components/auth-form";
import { signUpAction } from "../actions";

export default function SignUpPage() {
  return (
    <div className="card narrow">
      <h1>Регистрация</h1>
      <AuthForm
        action={signUpAction}
        submit="Зарегистрироваться"
        pending="Регистрируем…"
        fields={[
          { name: "name", label: "Имя", type: "text", autoComplete: "name" },
          { name: "email", label: "Email", type: "email", autoComplete: "email" },
          { name: "password", label: "Пароль (от 8 символов, не из списка самых распространённых)", type: "password", autoComplete: "new-password" },
        ]}
      />
      <p className="muted">
        Уже есть аккаунт? <Link href="/login">Войдите</Link>.
      </p>
    </div>
  );
}

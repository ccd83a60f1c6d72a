import Link from "next/link";
import { requiresVerifiedEmail } from "../lib/lab-features";
import { labLabel } from "../lib/lab-info";

// What Better Auth's /api/auth/verify-email appends to its callbackURL ("/") when a link fails.
const VERIFY_ERRORS: Record<string, string> = {
  TOKEN_EXPIRED: "Ссылка из письма устарела. Попробуйте войти: с emailVerification.sendOnSignIn лаба пришлёт новое письмо.",
  INVALID_TOKEN: "Ссылка из письма неверна или повреждена. Откройте её из «Почты» целиком.",
  USER_NOT_FOUND: "Пользователя из этой ссылки нет в базе: песочница начинает с пустой базы при каждом запуске.",
  INVALID_USER: "Ссылка подтверждает другой адрес, чем у вошедшего пользователя. Выйдите и откройте её снова.",
};

export default async function HomePage({ searchParams }: { searchParams: Promise<{ error?: string | string[] }> }) {
  const { error } = await searchParams;
  const lab = labLabel();
  const verifyFirst = requiresVerifiedEmail();
  return (
    <div className="card">
      <h1>Песочница курса «Better Auth в Next.js»</h1>
      {typeof error === "string" ? (
        <p className="error" role="alert" data-testid="verify-error">
          {VERIFY_ERRORS[error] ?? `Better Auth не подтвердил адрес: ${error}.`}
        </p>
      ) : null}
      <p>
        Это настоящее приложение Next.js, которое работает на коде лабораторной <code>{lab}</code>: обработчик{" "}
        <code>/api/auth/*</code>, <code>proxy.ts</code>, <code>requireUser()</code>, регистрация, вход и выход берутся
        из неё. Страницы песочницы только вызывают этот код.
      </p>
      <ol>
        {verifyFirst ? (
          <>
            <li>
              <Link href="/sign-up">Зарегистрируйтесь</Link>. В этой лабе войти можно только с подтверждённым email,
              поэтому вы попадёте в <Link href="/outbox">почту песочницы</Link>.
            </li>
            <li>Откройте ссылку из письма: Better Auth подтвердит адрес и вернёт вас сюда.</li>
            <li>
              <Link href="/login">Войдите</Link> — попадёте в кабинет.
            </li>
          </>
        ) : (
          <li>
            <Link href="/sign-up">Зарегистрируйтесь</Link> — попадёте в кабинет.
          </li>
        )}
        <li>Откройте <Link href="/dashboard">кабинет</Link>: там пользователь, текущая сессия и все ваши устройства.</li>
        <li>Войдите из другого браузера или окна инкогнито и завершите сессии кнопкой «Выйти на всех устройствах».</li>
      </ol>
      <p className="muted">Ошибки форм — это русские сообщения из кода лабораторной.</p>
    </div>
  );
}

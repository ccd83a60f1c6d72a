import Link from "next/link";
import { labLabel } from "../lib/lab-info";

export default function HomePage() {
  const lab = labLabel();
  return (
    <div className="card">
      <h1>Песочница курса «Better Auth в Next.js»</h1>
      <p>
        Это настоящее приложение Next.js, которое работает на коде лабораторной <code>{lab}</code>: обработчик{" "}
        <code>/api/auth/*</code>, <code>proxy.ts</code>, <code>requireUser()</code>, регистрация, вход и выход берутся
        из неё. Страницы песочницы только вызывают этот код.
      </p>
      <ol>
        <li><Link href="/sign-up">Зарегистрируйтесь</Link> — попадёте в кабинет.</li>
        <li>Откройте <Link href="/dashboard">кабинет</Link>: там пользователь, текущая сессия и все ваши устройства.</li>
        <li>Войдите из другого браузера или окна инкогнито и завершите сессии кнопкой «Выйти на всех устройствах».</li>
      </ol>
      <p className="muted">Ошибки форм — это русские сообщения из кода лабораторной.</p>
    </div>
  );
}

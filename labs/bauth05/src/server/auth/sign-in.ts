import { isAPIError } from "better-auth/api";
import { auth } from "../../lib/auth";
import { normalizeEmail } from "./sign-up";

export interface SignInInput {
  email: string;
  password: string;
}

export type SignInResult =
  | { ok: true; user: { id: string; email: string; name: string }; setCookie: string[] }
  | { ok: false; code: string; message: string };

export async function signIn(input: SignInInput, headers: Headers): Promise<SignInResult> {
  // TODO(bauth05): выполните вход через серверный API Better Auth и передайте ему заголовки запроса.
  // Успех — пользователь и строки Set-Cookie из ответа Better Auth (их перенесут в ответ браузеру).
  // Неверный пароль и неизвестный email — один и тот же отказ; сбой, который не отказ Better Auth, — исключение.
  // Контракт — в README лабы.
  return { ok: false, code: "NOT_IMPLEMENTED", message: "Вход ещё не реализован." };
}

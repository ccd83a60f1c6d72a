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
  // TODO(bauth05): выполните вход через auth.api.signInEmail({ body, headers, returnHeaders: true }).
  // body: email через normalizeEmail и password; headers — заголовки входящего запроса (user-agent, IP).
  // Успех: { ok: true, user: { id, email, name }, setCookie: ответные заголовки.getSetCookie() }.
  // Отказ (isAPIError): одинаковый ответ для неверного пароля и неизвестного email —
  // { ok: false, code: "INVALID_EMAIL_OR_PASSWORD", message: "Неверный email или пароль." }.
  return { ok: false, code: "NOT_IMPLEMENTED", message: "Вход ещё не реализован." };
}

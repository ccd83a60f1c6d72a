import { isAPIError } from "better-auth/api";
import { ACCOUNT_POLICY_MESSAGES } from "../../lib/account-policy";
import { auth } from "../../lib/auth";

export interface SignUpInput {
  name: string;
  email: string;
  password: string;
}

export type SignUpResult =
  | { ok: true; user: { id: string; email: string; name: string } }
  | { ok: false; code: string; message: string };

// TODO(bauth04): заполните сообщения для пользователя по кодам отказа Better Auth (список кодов — в README).
// Пишите по-русски и так, чтобы человек понял, что исправить.
const MESSAGES: Record<string, string> = {
  // The course's own refusals (name cap, whitespace-only and common passwords): the same text the HTTP API sends.
  ...ACCOUNT_POLICY_MESSAGES,
};
const FALLBACK_MESSAGE = "Не удалось зарегистрироваться. Попробуйте ещё раз чуть позже.";

export function normalizeEmail(email: string): string {
  // TODO(bauth04): уберите пробелы по краям и приведите адрес к нижнему регистру.
  return email;
}

export async function signUp(input: SignUpInput, headers?: Headers): Promise<SignUpResult> {
  // TODO(bauth04): зарегистрируйте пользователя через серверный API Better Auth (auth.api).
  // До Better Auth доходят только имя, нормализованный email и пароль — никаких других полей формы.
  // Отказ Better Auth — результат с его кодом и русским сообщением; любой другой сбой — исключение.
  // Контракт — в README лабы.
  return { ok: false, code: "NOT_IMPLEMENTED", message: FALLBACK_MESSAGE };
}

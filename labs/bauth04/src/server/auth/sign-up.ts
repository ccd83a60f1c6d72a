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

// TODO(bauth04): заполните сообщения для пользователя по кодам ошибок Better Auth:
// USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL, PASSWORD_TOO_SHORT, PASSWORD_TOO_LONG, INVALID_EMAIL, INVALID_PASSWORD
// и VALIDATION_ERROR (так Better Auth отвечает на адрес, который не похож на email).
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
  // TODO(bauth04): зарегистрируйте пользователя через auth.api.signUpEmail({ body, headers }).
  // В body передайте только name, email (через normalizeEmail) и password — никаких других полей.
  // Успех: { ok: true, user: { id, email, name } }.
  // Отказ Better Auth (isAPIError(error)): { ok: false, code: error.body?.code, message: сообщение из MESSAGES }.
  // Любую другую ошибку пробросьте дальше (throw).
  return { ok: false, code: "NOT_IMPLEMENTED", message: FALLBACK_MESSAGE };
}

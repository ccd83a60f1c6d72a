import { isAPIError } from "better-auth/api";

// Better Auth's refusals on the account pages the playground adds (password change
// and reset), for which the course's labs have no helper of their own. Its messages
// are English and meant for developers; its codes are stable.
const MESSAGES: Record<string, string> = {
  INVALID_PASSWORD: "Текущий пароль неверен.",
  PASSWORD_TOO_SHORT: "Новый пароль слишком короткий.",
  PASSWORD_TOO_LONG: "Новый пароль слишком длинный.",
  INVALID_TOKEN: "Ссылка для сброса пароля недействительна: её уже открывали или срок вышел. Запросите новую.",
  RESET_PASSWORD_DISABLED: "В этой лабе сброса пароля нет: письмо со ссылкой отправляет sendResetPassword, он появляется в bauth14.",
  UNAUTHORIZED: "Сначала войдите.",
  CREDENTIAL_ACCOUNT_NOT_FOUND: "У этого аккаунта нет пароля.",
};

/**
 * The Russian text for a refusal, or undefined when the error is not one (the
 * caller rethrows it: a failure is not a form message). A lab's own refusal
 * (a hook's APIError with a Russian message, such as SESSION_NOT_FRESH in
 * bauth14) is shown as the lab wrote it.
 */
export function refusalMessage(error: unknown): string | undefined {
  if (!isAPIError(error)) return undefined;
  const body = error.body as { code?: unknown; message?: unknown } | undefined;
  const code = typeof body?.code === "string" ? body.code : error.status;
  if (typeof body?.message === "string" && /[А-Яа-яЁё]/.test(body.message)) return body.message;
  return MESSAGES[String(code)] ?? `Better Auth отказал: ${String(code)}.`;
}

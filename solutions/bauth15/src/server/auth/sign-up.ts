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

// What the person filling in the form reads. Better Auth's own messages are
// English and meant for developers; its codes are stable, so we key on them.
const MESSAGES: Record<string, string> = {
  // Says what to do without confirming whose address it is.
  USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL:
    "Зарегистрироваться с этим email не получилось. Если это ваш адрес, войдите или восстановите пароль.",
  PASSWORD_TOO_SHORT: "Пароль слишком короткий: нужно не меньше 8 символов.",
  PASSWORD_TOO_LONG: "Пароль слишком длинный: не больше 128 символов.",
  INVALID_EMAIL: "Похоже, в адресе электронной почты ошибка. Проверьте его.",
  // The body schema (z.email()) rejects a malformed address before the route runs. The other
  // two fields are always strings here, so for this call the email is the only thing it can mean.
  VALIDATION_ERROR: "Похоже, в адресе электронной почты ошибка. Проверьте его.",
  INVALID_PASSWORD: "Введите пароль.",
  // The course's own refusals (name cap, whitespace-only and common passwords): the same text the HTTP API sends.
  ...ACCOUNT_POLICY_MESSAGES,
};
const FALLBACK_MESSAGE = "Не удалось зарегистрироваться. Попробуйте ещё раз чуть позже.";

/** One spelling per address: " Anna@Example.RU " and "anna@example.ru" are the same person. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Server-side sign-up, the function a Server Action or a tRPC mutation calls.
 * Better Auth validates, hashes with scrypt and writes users + accounts.
 */
export async function signUp(input: SignUpInput, headers?: Headers): Promise<SignUpResult> {
  try {
    const { user } = await auth.api.signUpEmail({
      // Only these three fields: whatever else a form sent (role, id, ...) never reaches the database.
      body: { name: input.name.trim(), email: normalizeEmail(input.email), password: input.password },
      // The original request's headers (IP, user agent) end up on the session sign-up opens.
      headers: headers ?? new Headers(),
    });
    return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
  } catch (error) {
    // An expected refusal becomes a result the form can show; anything else is a real failure.
    if (!isAPIError(error)) throw error;
    const code = error.body?.code ?? "UNKNOWN";
    return { ok: false, code, message: MESSAGES[code] ?? FALLBACK_MESSAGE };
  }
}

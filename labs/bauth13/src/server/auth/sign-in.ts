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

// One answer for every credential failure: "no such email" and "wrong password" must look
// the same, or the form becomes a tool for checking who has an account here.
const INVALID_CREDENTIALS = {
  ok: false,
  code: "INVALID_EMAIL_OR_PASSWORD",
  message: "Неверный email или пароль.",
} as const;

// A malformed email is a credential failure too: the form shows the same answer.
const CREDENTIAL_FAILURES = new Set(["INVALID_EMAIL_OR_PASSWORD", "INVALID_EMAIL", "VALIDATION_ERROR"]);

const MESSAGES: Record<string, string> = {
  EMAIL_NOT_VERIFIED: "Подтвердите email: мы отправили письмо со ссылкой.",
  TOO_MANY_REQUESTS: "Слишком много попыток входа. Подождите немного и попробуйте снова.",
};
const FALLBACK_MESSAGE = "Не удалось войти. Попробуйте ещё раз чуть позже.";

/**
 * Server-side sign-in. Better Auth checks the password against the scrypt hash, writes
 * a sessions row and answers with a Set-Cookie, which the caller must pass to the browser.
 */
export async function signIn(input: SignInInput, headers: Headers): Promise<SignInResult> {
  try {
    const { headers: responseHeaders, response } = await auth.api.signInEmail({
      body: { email: normalizeEmail(input.email), password: input.password },
      // The incoming request's headers: Better Auth records its user-agent and client IP on the session.
      headers,
      // Without it the call returns only the body, and the signed cookie is lost.
      returnHeaders: true,
    });
    const { id, email, name } = response.user;
    return { ok: true, user: { id, email, name }, setCookie: responseHeaders.getSetCookie() };
  } catch (error) {
    if (!isAPIError(error)) throw error;
    const code = error.body?.code ?? "UNKNOWN";
    if (CREDENTIAL_FAILURES.has(code)) return { ...INVALID_CREDENTIALS };
    return { ok: false, code, message: MESSAGES[code] ?? FALLBACK_MESSAGE };
  }
}

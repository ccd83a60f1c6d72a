import { auth } from "../../lib/auth";
import { readAppUrl } from "../../lib/env";
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
};
const FALLBACK_MESSAGE = "Не удалось войти. Попробуйте ещё раз чуть позже.";

// #region sign-in-handler
/**
 * Server-side sign-in. It goes through auth.handler, as the browser's POST to
 * /api/auth/sign-in/email would: Better Auth's rate limiter runs there and only
 * there (auth.api.* calls skip it). Better Auth checks the password against the
 * scrypt hash, writes a sessions row and answers with a Set-Cookie, which the
 * caller must pass to the browser.
 */
export async function signIn(input: SignInInput, headers: Headers): Promise<SignInResult> {
  const response = await auth.handler(signInRequest(input, headers));
  if (response.status === 429) return tooManyAttempts(response);
  const body = (await response.json().catch(() => null)) as SignInBody | null;
  if (response.ok && body?.user) {
    const { id, email, name } = body.user;
    return { ok: true, user: { id, email, name }, setCookie: response.headers.getSetCookie() };
  }
  // A refusal carries Better Auth's error code; anything else (a 500 from a database that is down) is a failure.
  const code = body?.code;
  if (response.status >= 500 || typeof code !== "string") {
    throw new Error(`Вход не выполнен: Better Auth ответил ${response.status} ${JSON.stringify(body)}`);
  }
  if (CREDENTIAL_FAILURES.has(code)) return { ...INVALID_CREDENTIALS };
  return { ok: false, code, message: MESSAGES[code] ?? FALLBACK_MESSAGE };
}

type SignInBody = { user?: { id: string; email: string; name: string }; code?: unknown };

/** The sign-in as an HTTP request to Better Auth's own route, with the incoming request's headers. */
function signInRequest(input: SignInInput, incoming: Headers): Request {
  // Origin, Cookie, User-Agent and the proxy's X-Real-IP go on: the origin check, the session and the limiter read them.
  const headers = new Headers(incoming);
  // The body is a new one: the form's length and encoding do not describe it.
  headers.delete("content-length");
  headers.delete("transfer-encoding");
  headers.set("content-type", "application/json");
  const body = JSON.stringify({ email: normalizeEmail(input.email), password: input.password });
  return new Request(new URL("/api/auth/sign-in/email", readAppUrl()), { method: "POST", headers, body });
}

/** The limiter's refusal, with the wait it computed (X-Retry-After, in seconds). */
function tooManyAttempts(response: Response): SignInResult {
  const seconds = Number(response.headers.get("x-retry-after"));
  const wait = Number.isInteger(seconds) && seconds > 0 ? `Повторите через ${seconds} с.` : "Повторите позже.";
  return { ok: false, code: "TOO_MANY_REQUESTS", message: `Слишком много попыток входа. ${wait}` };
}
// #endregion sign-in-handler

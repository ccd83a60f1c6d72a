import { beforeAll, describe, expect, it } from "vitest";
import { parseSetCookies, sessionCookie, setCookieHeaders, signedCookieValue, tokenOf, type AuthHandler, type ParsedCookie } from "./support/http.ts";
import { setupLab, type LabEnvironment } from "./support/lab-environment.ts";
import { signInRequest, signUpUser, uniqueEmail, type TestUser } from "./support/users.ts";

// The contract of labs/bauth05/src/server/auth/sign-in.ts, as the README states it.
type SignInResult =
  | { ok: true; user: { id: string; email: string; name: string }; setCookie: string[] }
  | { ok: false; code: string; message: string };
type SignIn = (input: { email: string; password: string }, headers: Headers) => Promise<SignInResult>;
type AuthInstance = AuthHandler & { options: { session?: { expiresIn?: number } } };

const DEFAULT_EXPIRES_IN = 60 * 60 * 24 * 7;
const BROWSER = { "user-agent": "Mozilla/5.0 (X11; Linux x86_64) bauth05-grader", "x-forwarded-for": "203.0.113.7" };
let lab: LabEnvironment;
let user: TestUser;

beforeAll(async () => {
  lab = await setupLab("bauth05");
  // One account for the whole file; sign-up goes through the HTTP handler, so it does not depend on this lab's code.
  user = await signUpUser(await loadAuth(), { email: uniqueEmail("sveta"), name: "Света" });
});

const loadAuth = async () => (await lab.load<{ auth: AuthInstance }>("src/lib/auth.ts", { auth: "object" })).auth;
const loadSignIn = async () => (await lab.load<{ signIn: SignIn }>("src/server/auth/sign-in.ts", { signIn: "function" })).signIn;

async function callSignIn(email: string, password: string, headers: Record<string, string> = BROWSER): Promise<SignInResult> {
  const signIn = await loadSignIn();
  try {
    return await signIn({ email, password }, new Headers(headers));
  } catch (error) {
    throw new Error(`🚨 signIn бросил исключение вместо результата { ok: false, code, message }: ${String(error)}`);
  }
}

interface SignedIn {
  result: Extract<SignInResult, { ok: true }>;
  cookie: ParsedCookie;
  startedAt: number;
}

async function signInOk(email = user.email, headers: Record<string, string> = BROWSER): Promise<SignedIn> {
  const startedAt = Date.now();
  const result = await callSignIn(email, user.password, headers);
  expect(result, `🚨 вход с верным паролем должен пройти, а signIn вернул ${JSON.stringify(result)}`).toMatchObject({ ok: true });
  if (!result.ok) throw new Error("unreachable");
  expect(Array.isArray(result.setCookie), "🚨 setCookie — массив строк Set-Cookie (responseHeaders.getSetCookie())").toBe(true);
  const cookie = sessionCookie(setCookieHeaders(result.setCookie));
  expect(cookie, "🚨 в setCookie нет cookie сессии (…session_token). Передали ли вы returnHeaders: true?").toBeDefined();
  return { result, cookie: cookie!, startedAt };
}

// Most checks read the same sign-in: each one costs a scrypt comparison.
let shared: Promise<SignedIn> | undefined;
const sharedSignIn = () => (shared ??= signInOk());

async function sessionRow(token: string) {
  const { rows } = await lab.sql.query<{ id: string; token: string; user_id: string; expires_at: Date; ip_address: string | null; user_agent: string | null }>(
    `select id, token, user_id, expires_at, ip_address, user_agent from sessions where token = $1`,
    [token],
  );
  return rows[0];
}

async function sessionCount(): Promise<number> {
  const { rows } = await lab.sql.query<{ n: number }>(`select count(*)::int as n from sessions where user_id = $1`, [user.id]);
  return rows[0]?.n ?? 0;
}

describe("bauth05 «Login и создание session»", () => {
  it("успешный вход возвращает { ok: true, user } и создаёт строку в sessions со сроком now + expiresIn", async () => {
    const { result, cookie, startedAt } = await sharedSignIn();
    expect(result.user, "🚨 user в результате — id, email и name вошедшего пользователя").toMatchObject({ id: user.id, email: user.email });
    const row = await sessionRow(tokenOf(cookie));
    expect(row, "🚨 в sessions нет строки с токеном из cookie").toBeDefined();
    expect(row?.user_id, "🚨 сессия должна принадлежать вошедшему пользователю").toBe(user.id);
    const expiresIn = (await loadAuth()).options.session?.expiresIn ?? DEFAULT_EXPIRES_IN;
    const expected = startedAt + expiresIn * 1000;
    expect(
      Math.abs(row!.expires_at.getTime() - expected),
      `🚨 expires_at должен быть около now + expiresIn (${expiresIn} с)`,
    ).toBeLessThan(60_000);
  });

  it("записывает в сессию user-agent и IP-адрес клиента из заголовков запроса", async () => {
    const { cookie } = await sharedSignIn();
    const row = await sessionRow(tokenOf(cookie));
    expect(row?.user_agent, "🚨 sessions.user_agent пуст: передайте в signInEmail заголовки входящего запроса (headers)").toBe(
      BROWSER["user-agent"],
    );
    expect(row?.ip_address, "🚨 sessions.ip_address должен быть IP клиента из x-forwarded-for: передайте headers в signInEmail").toBe(
      BROWSER["x-forwarded-for"],
    );
  });

  it("возвращает cookie сессии с атрибутами HttpOnly, SameSite=Lax и Path=/", async () => {
    const { cookie } = await sharedSignIn();
    expect(cookie.attributes.has("httponly"), "🚨 cookie сессии должна быть HttpOnly: JavaScript страницы не должен её читать").toBe(true);
    expect(cookie.attributes.get("samesite")?.toLowerCase(), "🚨 cookie сессии должна быть SameSite=Lax").toBe("lax");
    expect(cookie.attributes.get("path"), "🚨 cookie сессии должна действовать на всём сайте: Path=/").toBe("/");
  });

  it("в cookie лежит подписанный токен сессии (token.подпись), а не id строки", async () => {
    const { cookie } = await sharedSignIn();
    const token = tokenOf(cookie);
    const row = await sessionRow(token);
    expect(row, "🚨 часть cookie до точки должна быть sessions.token").toBeDefined();
    expect(token, "🚨 в cookie не должен попадать id строки sessions").not.toBe(row?.id);
    expect(cookie.value, "🚨 значение cookie — token.подпись, подписанное секретом BETTER_AUTH_SECRET").toBe(
      signedCookieValue(token, process.env.BETTER_AUTH_SECRET ?? ""),
    );
  });

  it("каждый вход выдаёт новый токен: два входа — две разные сессии (защита от session fixation)", async () => {
    const first = await sharedSignIn();
    const before = await sessionCount();
    // The second sign-in comes with the first session's cookie, as a planted cookie would.
    const cookieHeader = `${first.cookie.name}=${first.cookie.value}`;
    const second = await signInOk(user.email, { ...BROWSER, cookie: cookieHeader });
    expect(tokenOf(second.cookie), "🚨 повторный вход должен выдать новый токен, а не переиспользовать старый").not.toBe(
      tokenOf(first.cookie),
    );
    expect(await sessionCount(), "🚨 второй вход должен создать ещё одну строку в sessions").toBe(before + 1);
  });

  it("находит пользователя по email с пробелами и в другом регистре", async () => {
    const { result } = await signInOk(`  ${user.email.toUpperCase()} `);
    expect(result.user.id, "🚨 email при входе нормализуется так же, как при регистрации").toBe(user.id);
  });

  it("неверный пароль и неизвестный email дают один и тот же ответ (нельзя узнать, есть ли аккаунт)", async () => {
    const before = await sessionCount();
    const wrongPassword = await callSignIn(user.email, "wrong-password-123");
    const unknownEmail = await callSignIn(uniqueEmail("nobody"), "wrong-password-123");
    expect(
      wrongPassword,
      `🚨 вход с неверным паролем — { ok: false, code: "INVALID_EMAIL_OR_PASSWORD" }, а signIn вернул ${JSON.stringify(wrongPassword)}`,
    ).toMatchObject({ ok: false, code: "INVALID_EMAIL_OR_PASSWORD" });
    expect(
      wrongPassword.ok ? "" : wrongPassword.message,
      "🚨 message — текст для пользователя на русском языке",
    ).toMatch(/[а-яё]/i);
    expect(unknownEmail, "🚨 ответы для «неверный пароль» и «нет такого email» должны совпадать полностью (код и сообщение)").toEqual(
      wrongPassword,
    );
    expect(await sessionCount(), "🚨 неудачный вход не должен создавать сессию").toBe(before);
    const auth = await loadAuth();
    const statuses = await Promise.all([
      signInRequest(auth, user.email, "wrong-password-123").then((response) => response.status),
      signInRequest(auth, uniqueEmail("nobody"), "wrong-password-123").then((response) => response.status),
    ]);
    expect(statuses, "🚨 HTTP-статус тоже одинаковый: 401 в обоих случаях").toEqual([401, 401]);
  });

  it("неудачный вход не выдаёт cookie сессии", async () => {
    const result = await callSignIn(user.email, "wrong-password-123");
    const lines = (result as { setCookie?: unknown }).setCookie;
    const cookies = Array.isArray(lines) ? parseSetCookies(setCookieHeaders(lines as string[])) : [];
    expect(cookies.filter((cookie) => cookie.name.endsWith("session_token")), "🚨 при отказе cookie сессии не выдаётся").toEqual([]);
    expect(result.ok, "🚨 неверный пароль — это { ok: false }").toBe(false);
  });
});

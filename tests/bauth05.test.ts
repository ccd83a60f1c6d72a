import { beforeAll, describe, expect, it } from "vitest";
import { parseSetCookies, sessionCookie, setCookieHeaders, signedCookieValue, tokenOf, type AuthHandler, type ParsedCookie } from "./support/http.ts";
import { setupLab, type LabEnvironment } from "./support/lab-environment.ts";
import { openSession, type AuthWithContext } from "./support/sessions.ts";
import { signUpUser, uniqueEmail, type TestUser } from "./support/users.ts";

// The contract of labs/bauth05/src/server/auth/sign-in.ts, as the README states it.
type SignInResult =
  | { ok: true; user: { id: string; email: string; name: string }; setCookie: string[] }
  | { ok: false; code: string; message: string };
type SignIn = (input: { email: string; password: string }, headers: Headers) => Promise<SignInResult>;
type AuthInstance = AuthHandler & AuthWithContext & { options: { session?: { expiresIn?: number } } };

const DEFAULT_EXPIRES_IN = 60 * 60 * 24 * 7;
const BROWSER = { "user-agent": "Mozilla/5.0 (X11; Linux x86_64) bauth05-grader", "x-forwarded-for": "203.0.113.7" };
const WRONG_PASSWORD = "wrong-password-123";
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
  expect(result, `🚨 вход с верным паролем должен пройти и вернуть { ok: true, user, setCookie }, а signIn вернул ${JSON.stringify(result)}`).toMatchObject({
    ok: true,
    user: { id: expect.any(String) },
  });
  if (!result.ok) throw new Error("unreachable");
  expect(
    Array.isArray(result.setCookie) && result.setCookie.every((line) => typeof line === "string"),
    "🚨 setCookie — массив строк Set-Cookie (responseHeaders.getSetCookie())",
  ).toBe(true);
  const cookie = sessionCookie(setCookieHeaders(result.setCookie));
  expect(cookie, "🚨 в setCookie нет cookie сессии (…session_token). Передали ли вы returnHeaders: true?").toBeDefined();
  return { result, cookie: cookie!, startedAt };
}

/** A text for a person: a string, in Russian (checked as a string first, so no matcher fails in English). */
function expectRussian(value: unknown, what: string): asserts value is string {
  expect(typeof value, `🚨 ${what}: ожидалась строка, а получено ${JSON.stringify(value)}`).toBe("string");
  expect(value, `🚨 ${what} — текст для пользователя на русском языке`).toMatch(/[а-яё]/i);
}

// Most checks read the same sign-in, or the same failed one: each costs a scrypt comparison.
let shared: Promise<SignedIn> | undefined;
const sharedSignIn = () => (shared ??= signInOk());
let wrong: Promise<SignInResult> | undefined;
const wrongPasswordSignIn = () => (wrong ??= callSignIn(user.email, WRONG_PASSWORD));

/** A failed sign-in, as the README states it: the same result for every credential failure. */
function expectInvalidCredentials(result: SignInResult, what: string): asserts result is Extract<SignInResult, { ok: false }> {
  expect(result, `🚨 ${what} — { ok: false, code: "INVALID_EMAIL_OR_PASSWORD" }, а signIn вернул ${JSON.stringify(result)}`).toMatchObject({
    ok: false,
    code: "INVALID_EMAIL_OR_PASSWORD",
  });
  if (result.ok) return;
  expectRussian(result.message, "message");
}

async function sessionRow(token: string) {
  const { rows } = await lab.sql.query<{ id: string; token: string; user_id: string; expires_at: Date; ip_address: string | null; user_agent: string | null }>(
    `select id, token, user_id, expires_at, ip_address, user_agent from sessions where token = $1`,
    [token],
  );
  return rows[0];
}

async function sessionTokens(): Promise<string[]> {
  const { rows } = await lab.sql.query<{ token: string }>(`select token from sessions where user_id = $1`, [user.id]);
  return rows.map((row) => row.token);
}

describe("bauth05 «Вход и создание сессии»", () => {
  it("успешный вход возвращает { ok: true, user } и создаёт строку в sessions со сроком now + expiresIn", async () => {
    const { result, cookie, startedAt } = await sharedSignIn();
    expect(result.user, "🚨 user в результате — ровно id, email и name вошедшего пользователя").toEqual({
      id: user.id,
      email: user.email,
      name: user.name,
    });
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

  it("каждый вход создаёт новую сессию с новым токеном, даже если запрос пришёл с cookie прошлой сессии (защита от session fixation)", async () => {
    // The cookie of an earlier session is already in the browser, as a planted one would be.
    const planted = await openSession(await loadAuth(), user.id);
    const before = new Set(await sessionTokens());
    const { cookie } = await signInOk(user.email, { ...BROWSER, cookie: planted.cookie });
    const token = tokenOf(cookie);
    expect(token, "🚨 вход с cookie прошлой сессии должен выдать новый токен, а не переиспользовать старый").not.toBe(planted.token);
    expect(before.has(token), "🚨 вход должен создать новую сессию, а не вернуть cookie одной из существующих").toBe(false);
    expect((await sessionRow(token))?.user_id, "🚨 в sessions должна появиться новая строка этого пользователя с токеном из cookie").toBe(
      user.id,
    );
  });

  it("находит пользователя по email с пробелами и в другом регистре", async () => {
    const { result } = await signInOk(`  ${user.email.toUpperCase()} `);
    expect(result.user.id, "🚨 email при входе нормализуется так же, как при регистрации").toBe(user.id);
  });

  it("неверный пароль и неизвестный email дают один и тот же ответ, без чужих данных (нельзя узнать, есть ли аккаунт)", async () => {
    const before = await sessionTokens();
    const wrongPassword = await wrongPasswordSignIn();
    expectInvalidCredentials(wrongPassword, "вход с неверным паролем");
    const unknownEmail = await callSignIn(uniqueEmail("nobody"), WRONG_PASSWORD);
    expect(unknownEmail, "🚨 ответы для «неверный пароль» и «нет такого email» должны совпадать полностью (код и сообщение)").toEqual(
      wrongPassword,
    );
    for (const secret of [user.email, user.name]) {
      expect(wrongPassword.message, `🚨 сообщение об отказе не должно называть данные аккаунта (${secret})`).not.toContain(secret);
    }
    expect(await sessionTokens(), "🚨 неудачный вход не должен создавать сессию").toEqual(before);
  });

  it("неудачный вход не выдаёт cookie сессии (а удачный — выдаёт)", async () => {
    // The same signIn gives a session cookie for the right password: so no cookie below means a refusal, not a stub.
    await sharedSignIn();
    const result = await wrongPasswordSignIn();
    expectInvalidCredentials(result, "вход с неверным паролем");
    const lines = (result as { setCookie?: unknown }).setCookie;
    const cookies = Array.isArray(lines) ? parseSetCookies(setCookieHeaders(lines.filter((line) => typeof line === "string"))) : [];
    expect(cookies.filter((cookie) => cookie.name.endsWith("session_token")), "🚨 при отказе cookie сессии не выдаётся").toEqual([]);
  });

  it("когда база недоступна, signIn бросает ошибку, а не отвечает «неверный email или пароль»", async () => {
    // With the database up, a wrong password is a result: so an exception below is about the database.
    expectInvalidCredentials(await wrongPasswordSignIn(), "с работающей базой (до её отключения) вход с неверным паролем");
    lab.reloadWith({ DATABASE_URL: await lab.unreachableDatabaseUrl() });
    try {
      const signIn = await loadSignIn();
      const outcome = await Promise.resolve()
        .then(() => signIn({ email: user.email, password: user.password }, new Headers(BROWSER)))
        .then(
          (result) => ({ resolved: true, result }),
          () => ({ resolved: false, result: undefined }),
        );
      expect(
        outcome,
        `🚨 при недоступной базе signIn вернул ${JSON.stringify(outcome.result)}. Это сбой сервера, а не неверный пароль: ` +
          "ошибки, которые не APIError, пробрасывайте дальше (throw)",
      ).toMatchObject({ resolved: false });
    } finally {
      lab.reloadWith({ DATABASE_URL: lab.databaseUrl });
    }
  });
});

import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { appRequest, parseSetCookies, signedCookieValue, type AuthHandler } from "./support/http.ts";
import { setupLab, type LabEnvironment } from "./support/lab-environment.ts";
import { openSession, type AuthWithContext, type OpenedSession } from "./support/sessions.ts";
import { signUpUser, uniqueEmail, type TestUser } from "./support/users.ts";

// The contract of labs/bauth06/src/server/auth/session.ts, as the README states it.
type CurrentUser = { id: string; email: string; name: string; role: string };
type SessionModule = {
  getCurrentUser(headers: Headers): Promise<CurrentUser | null>;
  requireUser(headers: Headers): Promise<CurrentUser>;
  UnauthorizedError: new (...args: never[]) => Error;
};
type AuthInstance = AuthHandler & AuthWithContext;

const SESSION_FILE = "src/server/auth/session.ts";
let lab: LabEnvironment;
let user: TestUser;
/** Name and token of the session cookie the sign-up set (`better-auth.session_token`, or the lab's prefix). */
let cookie: { name: string; token: string };

beforeAll(async () => {
  lab = await setupLab("bauth06");
  // One account for the file; its sign-up session is the valid cookie the tests tamper with.
  user = await signUpUser(await loadAuth(), { email: uniqueEmail("lena"), name: "Лена" });
  const [name = "", value = ""] = user.cookie.split("; ").find((pair) => pair.split("=")[0]!.endsWith(".session_token"))!.split("=");
  const decoded = decodeURIComponent(value);
  cookie = { name, token: decoded.slice(0, decoded.lastIndexOf(".")) };
});

const loadAuth = async () => (await lab.load<{ auth: AuthInstance }>("src/lib/auth.ts", { auth: "object" })).auth;
const loadSession = () =>
  lab.load<SessionModule>(SESSION_FILE, { getCurrentUser: "function", requireUser: "function", UnauthorizedError: "function" });

const withCookie = (value: string) => new Headers({ cookie: `${cookie.name}=${value}` });
const validHeaders = () => new Headers({ cookie: user.cookie });

/** The student's call as a promise, even if the function is not async or throws synchronously. */
const settle = <T>(call: () => T | Promise<T>): Promise<T> => Promise.resolve().then(call);

/** What getCurrentUser gives for these headers; an exception becomes a message instead of a stack trace. */
async function currentUser(headers: Headers, what: string): Promise<CurrentUser | null> {
  const { getCurrentUser } = await loadSession();
  return settle(() => getCurrentUser(headers)).catch((error: unknown) => {
    throw new Error(`🚨 ${what}: getCurrentUser бросил ошибку вместо результата: ${String(error)}`);
  });
}

/**
 * The control of every refusal below: a valid session of the same user is accepted. Without it,
 * a getCurrentUser that always answers null would pass every "not accepted" test.
 */
async function expectAccepted(headers: Headers, what: string) {
  expect((await currentUser(headers, what))?.id, `🚨 ${what}: getCurrentUser должен вернуть пользователя этой сессии`).toBe(user.id);
}

/** Both halves of the contract for a request that must not pass: null, and a typed error. */
async function expectUnauthorized(headers: Headers, what: string) {
  const { requireUser, UnauthorizedError } = await loadSession();
  expect(await currentUser(headers, what), `🚨 ${what}: getCurrentUser должен вернуть null`).toBeNull();
  const error = await settle(() => requireUser(headers)).then(
    (value) => new Error(`requireUser вернул ${JSON.stringify(value)}`),
    (thrown: unknown) => thrown,
  );
  expect(error, `🚨 ${what}: requireUser должен бросить UnauthorizedError, а получено: ${String(error)}`).toBeInstanceOf(
    UnauthorizedError,
  );
  expect((error as { code?: unknown }).code, "🚨 у UnauthorizedError должен быть code = \"UNAUTHORIZED\"").toBe("UNAUTHORIZED");
}

/**
 * A further session of the test user, with the cookies a browser holds after Better Auth's own
 * GET /api/auth/get-session answered it (the session cookie, plus a cookie cache if the lab turned one on).
 */
async function browserSession(): Promise<{ session: OpenedSession; headers: Headers }> {
  const auth = await loadAuth();
  const session = await openSession(auth, user.id);
  const jar = new Map(session.cookie.split("; ").map((pair) => [pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1)]));
  const response = await auth.handler(appRequest("/api/auth/get-session", { cookie: session.cookie }));
  for (const set of parseSetCookies(response)) {
    if (set.attributes.get("max-age") === "0") jar.delete(set.name);
    else jar.set(set.name, set.value);
  }
  const header = [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
  return { session, headers: new Headers({ cookie: header }) };
}

describe("bauth06 «Чтение сессии на сервере»", () => {
  it("getCurrentUser возвращает { id, email, name, role } пользователя по cookie сессии", async () => {
    const current = await currentUser(validHeaders(), "действующая cookie");
    expect(current, "🚨 для действующей cookie нужен пользователь — и только поля id, email, name, role").toEqual({
      id: user.id,
      email: user.email,
      name: user.name,
      role: "USER",
    });
  });

  it("requireUser возвращает того же пользователя для действующей сессии", async () => {
    const { requireUser } = await loadSession();
    const current = await settle(() => requireUser(validHeaders())).catch((error: unknown) => {
      throw new Error(`🚨 requireUser бросил ошибку для действующей сессии: ${String(error)}`);
    });
    expect(current?.id, "🚨 requireUser должен вернуть вошедшего пользователя").toBe(user.id);
  });

  it("без cookie: getCurrentUser → null, requireUser → UnauthorizedError (UNAUTHORIZED)", async () => {
    await expectAccepted(validHeaders(), "действующая cookie");
    await expectUnauthorized(new Headers(), "запрос без cookie");
  });

  it("cookie, в подписи которой изменён один символ, не принимается", async () => {
    const value = decodeURIComponent(signedCookieValue(cookie.token, process.env.BETTER_AUTH_SECRET ?? ""));
    await expectAccepted(withCookie(encodeURIComponent(value)), "та же cookie без изменений");
    const at = value.lastIndexOf(".") + 1;
    const tampered = value.slice(0, at) + (value[at] === "A" ? "B" : "A") + value.slice(at + 1);
    await expectUnauthorized(withCookie(encodeURIComponent(tampered)), "подпись изменена на один символ");
  });

  it("правильно подписанная cookie с токеном, которого нет в sessions, не принимается", async () => {
    await expectAccepted(withCookie(signedCookieValue(cookie.token, process.env.BETTER_AUTH_SECRET ?? "")), "cookie с настоящим токеном");
    const forged = randomBytes(24).toString("base64url");
    await expectUnauthorized(withCookie(signedCookieValue(forged, process.env.BETTER_AUTH_SECRET ?? "")), "токена нет в базе");
  });

  it("cookie сессии, строку которой удалили из sessions, больше не принимается", async () => {
    const { session, headers } = await browserSession();
    await expectAccepted(headers, "до удаления строки сессия");
    const { rowCount } = await lab.sql.query(`delete from sessions where token = $1`, [session.token]);
    expect(rowCount, "🚨 в sessions нет строки с токеном из cookie").toBe(1);
    await expectUnauthorized(headers, "строка сессии удалена (например, выход на другом устройстве)");
  });

  it("cookie истёкшей сессии (expires_at в прошлом) не принимается уже на следующем запросе", async () => {
    const { session, headers } = await browserSession();
    await expectAccepted(headers, "до истечения срока сессия");
    // Time moves in the database, not in the test: the row's absolute lifetime ended a minute ago.
    const { rowCount } = await lab.sql.query(`update sessions set expires_at = now() - interval '1 minute' where token = $1`, [session.token]);
    expect(rowCount, "🚨 в sessions нет строки с токеном из cookie").toBe(1);
    await expectUnauthorized(headers, "срок сессии истёк (expires_at в прошлом): проверяет ли ваш код срок?");
  });

  it("cookie, подписанная другим секретом (другое приложение), не принимается", async () => {
    await expectAccepted(withCookie(signedCookieValue(cookie.token, process.env.BETTER_AUTH_SECRET ?? "")), "cookie, подписанная нашим секретом");
    const otherSecret = randomBytes(32).toString("base64url");
    await expectUnauthorized(withCookie(signedCookieValue(cookie.token, otherSecret)), "подпись другим секретом");
  });

  it("когда база недоступна, getCurrentUser и requireUser бросают ошибку, а не считают запрос анонимным", async () => {
    await expectAccepted(validHeaders(), "действующая cookie при работающей базе");
    lab.reloadWith({ DATABASE_URL: await lab.unreachableDatabaseUrl() });
    try {
      const { getCurrentUser, requireUser, UnauthorizedError } = await loadSession();
      const current = await settle(() => getCurrentUser(validHeaders())).then(
        (result) => ({ resolved: true, result }),
        () => ({ resolved: false, result: undefined }),
      );
      expect(
        current,
        `🚨 при недоступной базе getCurrentUser вернул ${JSON.stringify(current.result)}. Сбой сервера — не «аноним»: ` +
          "не ловите ошибки getSession (пусть станут 500), иначе вошедший пользователь молча окажется «не вошедшим»",
      ).toMatchObject({ resolved: false });
      const required = await settle(() => requireUser(validHeaders())).then(
        (value) => ({ resolved: true, value, thrown: undefined }),
        (thrown: unknown) => ({ resolved: false, value: undefined, thrown }),
      );
      expect(required.resolved, `🚨 при недоступной базе requireUser вернул ${JSON.stringify(required.value)}, а должен бросить ошибку`).toBe(false);
      expect(
        required.thrown instanceof UnauthorizedError,
        "🚨 при недоступной базе requireUser должен бросить исходную ошибку, а не UnauthorizedError: это 500, а не 401",
      ).toBe(false);
    } finally {
      lab.reloadWith({ DATABASE_URL: lab.databaseUrl });
    }
  });
});

import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { cookieHeader, signedCookieValue } from "./support/http.ts";
import { setupLab, type LabEnvironment } from "./support/lab-environment.ts";
import { signInRequest, signUpUser, uniqueEmail, type TestUser } from "./support/users.ts";
import type { AuthHandler } from "./support/http.ts";

// The contract of labs/bauth06/src/server/auth/session.ts, as the README states it.
type CurrentUser = { id: string; email: string; name: string; role: string };
type SessionModule = {
  getCurrentUser(headers: Headers): Promise<CurrentUser | null>;
  requireUser(headers: Headers): Promise<CurrentUser>;
  UnauthorizedError: new (...args: never[]) => Error;
};

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

const loadAuth = async () => (await lab.load<{ auth: AuthHandler }>("src/lib/auth.ts", { auth: "object" })).auth;
const loadSession = () =>
  lab.load<SessionModule>(SESSION_FILE, { getCurrentUser: "function", requireUser: "function", UnauthorizedError: "function" });

const withCookie = (value: string) => new Headers({ cookie: `${cookie.name}=${value}` });

/** Both halves of the contract for a request that must not pass: null, and a typed error. */
async function expectUnauthorized(headers: Headers, what: string) {
  const { getCurrentUser, requireUser, UnauthorizedError } = await loadSession();
  expect(await getCurrentUser(headers), `🚨 ${what}: getCurrentUser должен вернуть null`).toBeNull();
  const error = await requireUser(headers).then(
    (value) => new Error(`requireUser вернул ${JSON.stringify(value)}`),
    (thrown: unknown) => thrown,
  );
  expect(error, `🚨 ${what}: requireUser должен бросить UnauthorizedError, а получено: ${String(error)}`).toBeInstanceOf(
    UnauthorizedError,
  );
  expect((error as { code?: unknown }).code, "🚨 у UnauthorizedError должен быть code = \"UNAUTHORIZED\"").toBe("UNAUTHORIZED");
}

describe("bauth06 «Получение session»", () => {
  it("getCurrentUser возвращает { id, email, name, role } пользователя по cookie сессии", async () => {
    const { getCurrentUser } = await loadSession();
    const current = await getCurrentUser(new Headers({ cookie: user.cookie }));
    expect(current, "🚨 для действующей cookie нужен пользователь — и только поля id, email, name, role").toEqual({
      id: user.id,
      email: user.email,
      name: user.name,
      role: "USER",
    });
  });

  it("requireUser возвращает того же пользователя для действующей сессии", async () => {
    const { requireUser } = await loadSession();
    const current = await requireUser(new Headers({ cookie: user.cookie })).catch((error: unknown) => {
      throw new Error(`🚨 requireUser бросил ошибку для действующей сессии: ${String(error)}`);
    });
    expect(current?.id, "🚨 requireUser должен вернуть вошедшего пользователя").toBe(user.id);
  });

  it("без cookie: getCurrentUser → null, requireUser → UnauthorizedError (UNAUTHORIZED)", async () => {
    await expectUnauthorized(new Headers(), "запрос без cookie");
  });

  it("cookie, в подписи которой изменён один символ, не принимается", async () => {
    const value = decodeURIComponent(signedCookieValue(cookie.token, process.env.BETTER_AUTH_SECRET ?? ""));
    const at = value.lastIndexOf(".") + 1;
    const tampered = value.slice(0, at) + (value[at] === "A" ? "B" : "A") + value.slice(at + 1);
    await expectUnauthorized(withCookie(encodeURIComponent(tampered)), "подпись изменена на один символ");
  });

  it("правильно подписанная cookie с токеном, которого нет в sessions, не принимается", async () => {
    const forged = randomBytes(24).toString("base64url");
    await expectUnauthorized(withCookie(signedCookieValue(forged, process.env.BETTER_AUTH_SECRET ?? "")), "токена нет в базе");
  });

  it("cookie сессии, строку которой удалили из sessions, больше не принимается", async () => {
    const response = await signInRequest(await loadAuth(), user.email, user.password);
    expect(response.status, "🚨 вход тестового пользователя не прошёл").toBe(200);
    const headers = new Headers({ cookie: cookieHeader(response) });
    const { getCurrentUser } = await loadSession();
    expect(await getCurrentUser(headers), "🚨 до удаления строки сессия должна действовать").not.toBeNull();
    const token = decodeURIComponent(headers.get("cookie")!.match(/session_token=([^;]+)/)![1]!).split(".")[0];
    const { rowCount } = await lab.sql.query(`delete from sessions where token = $1`, [token]);
    expect(rowCount, "🚨 в sessions нет строки с токеном из cookie").toBe(1);
    await expectUnauthorized(headers, "строка сессии удалена (например, выход на другом устройстве)");
  });

  it("cookie, подписанная другим секретом (другое приложение), не принимается", async () => {
    const otherSecret = randomBytes(32).toString("base64url");
    await expectUnauthorized(withCookie(signedCookieValue(cookie.token, otherSecret)), "подпись другим секретом");
  });
});

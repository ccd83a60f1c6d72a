import type { Auth } from "better-auth";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { describeError } from "./support/errors.ts";
import { appRequest, readJson, sessionCookie, signedCookieValue, tokenOf, type AuthHandler } from "./support/http.ts";
import { importLabFile } from "./support/lab.ts";
import { setupLab, type LabEnvironment } from "./support/lab-environment.ts";
import { openSession, type AuthWithContext, type OpenedSession } from "./support/sessions.ts";
import { signInRequest, signUpUser, type TestUser } from "./support/users.ts";

// The course's three clocks, in seconds, as the task states them.
const DAY = 60 * 60 * 24;
const COURSE_CLOCKS = { SESSION_EXPIRES_IN: 30 * DAY, SESSION_UPDATE_AGE: DAY, SESSION_FRESH_AGE: 10 * 60 } as const;
const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = DAY * 1000;

interface CurrentUser {
  id: string;
  email: string;
  name: string;
  role: string;
}
type FreshGuard = (headers: Headers) => Promise<CurrentUser>;
type LabAuth = Auth & AuthHandler & AuthWithContext;

let lab: LabEnvironment;
let signedUp: Promise<TestUser> | undefined;

beforeAll(async () => {
  lab = await setupLab("bauth08");
});

/**
 * The file's one account, signed up on first use: the configuration tests run without it,
 * so a clock that breaks every sign-up still gets its own precise message.
 */
function testUser(): Promise<TestUser> {
  signedUp ??= loadAuth()
    .then(({ auth }) => signUpUser(auth, { name: "Лиза" }))
    .catch((error: unknown) => {
      throw new Error(
        `🚨 ${describeError(error)}. Проверьте часы сессии в src/lib/auth.ts: они в секундах, а cookie не может жить дольше 400 дней.`,
      );
    });
  return signedUp;
}

const loadAuth = () => lab.load<{ auth: LabAuth }>("src/lib/auth.ts", { auth: "object" });
const loadFresh = () =>
  lab.load<{ requireFreshSession: FreshGuard }>("src/server/auth/fresh-session.ts", { requireFreshSession: "function" });

/** A new session of the test user (another device), opened by Better Auth without a password check. */
async function newSession(): Promise<OpenedSession> {
  const [{ auth }, user] = [await loadAuth(), await testUser()];
  return openSession(auth, user.id);
}

/**
 * Moves a session in time, as its row would look after a sign-in `createdAgoMs` ago and the last
 * renewal `updatedAgoMs` ago. A renewal writes updated_at and expires_at together, so by default
 * expires_at = last renewal + 30 days: a renewed session's expires_at tells nothing about its sign-in.
 */
async function backdate(token: string, times: { createdAgoMs: number; updatedAgoMs?: number; expiresAt?: Date }): Promise<void> {
  const now = Date.now();
  const createdAt = new Date(now - times.createdAgoMs);
  const updatedAt = new Date(now - (times.updatedAgoMs ?? times.createdAgoMs));
  const expiresAt = times.expiresAt ?? new Date(updatedAt.getTime() + COURSE_CLOCKS.SESSION_EXPIRES_IN * 1000);
  const { rowCount } = await lab.sql.query(
    `update sessions set created_at = $2, updated_at = $3, expires_at = $4 where token = $1`,
    [token, createdAt, updatedAt, expiresAt],
  );
  if (rowCount !== 1) throw new Error("строка сессии не найдена в таблице sessions");
}

async function expiresAtOf(token: string): Promise<Date | undefined> {
  const { rows } = await lab.sql.query<{ expires_at: Date }>(`select expires_at from sessions where token = $1`, [token]);
  return rows[0]?.expires_at;
}

/** Reads the session as the browser does: GET /api/auth/get-session with the cookie. */
async function readSession(cookie: string): Promise<Response> {
  const { auth } = await loadAuth();
  return auth.handler(appRequest("/api/auth/get-session", { cookie }));
}

type Thrown = { code?: unknown; name?: unknown; message?: unknown };

/** What a lab call threw, or undefined; a call that throws before returning a promise counts too. */
async function errorOf(call: () => unknown): Promise<Thrown | undefined> {
  try {
    await call();
    return undefined;
  } catch (error) {
    return (typeof error === "object" && error !== null ? error : { message: String(error) }) as Thrown;
  }
}

/** requireFreshSession must let this session through and give exactly the fields of CurrentUser. */
async function expectFresh(headers: Headers, what: string): Promise<void> {
  const [{ requireFreshSession }, user] = [await loadFresh(), await testUser()];
  const outcome = await Promise.resolve()
    .then(() => requireFreshSession(headers))
    .then(
      (value) => ({ value }),
      (error: unknown) => ({ error }),
    );
  const thrown = "error" in outcome ? `${describeError(outcome.error)} (code = ${String((outcome.error as Thrown | null)?.code)})` : undefined;
  expect(thrown, `🚨 ${what}: requireFreshSession должна вернуть пользователя, а бросила ${thrown}`).toBeUndefined();
  expect("value" in outcome ? outcome.value : undefined, `🚨 ${what}: верните ровно { id, email, name, role } пользователя, как requireUser`).toEqual({
    id: user.id,
    email: user.email,
    name: user.name,
    role: "USER",
  });
}

describe("bauth08 «Срок жизни сессии»", () => {
  it("три часа сессии заданы в секундах: expiresIn 30 дней, updateAge 1 день, freshAge 10 минут", async () => {
    const { auth } = await loadAuth();
    expect(auth.options.session, "🚨 передайте в betterAuth({...}) блок session с тремя значениями").toMatchObject({
      expiresIn: COURSE_CLOCKS.SESSION_EXPIRES_IN,
      updateAge: COURSE_CLOCKS.SESSION_UPDATE_AGE,
      freshAge: COURSE_CLOCKS.SESSION_FRESH_AGE,
    });
  });

  it("значения вынесены в именованные константы SESSION_EXPIRES_IN, SESSION_UPDATE_AGE, SESSION_FRESH_AGE", async () => {
    const module = await importLabFile("bauth08", "src/lib/auth.ts");
    for (const [name, seconds] of Object.entries(COURSE_CLOCKS)) {
      expect(module[name], `🚨 src/lib/auth.ts должен экспортировать ${name} = ${seconds} (секунды)`).toBe(seconds);
    }
  });

  it("новая сессия живёт 30 дней: expires_at = вход + 30 дней, у cookie Max-Age = 30 дней", async () => {
    const [{ auth }, user] = [await loadAuth(), await testUser()];
    const response = await signInRequest(auth, user.email, user.password);
    const cookie = sessionCookie(response);
    expect(cookie, `🚨 вход должен пройти и поставить cookie сессии: ${response.status} ${JSON.stringify(await readJson(response))}`).toBeDefined();
    expect(cookie?.attributes.get("max-age"), "🚨 cookie сессии должна жить столько же, сколько строка (expiresIn)").toBe(
      String(COURSE_CLOCKS.SESSION_EXPIRES_IN),
    );
    const expiresAt = await expiresAtOf(tokenOf(cookie!));
    expect(
      Math.abs((expiresAt?.getTime() ?? 0) - (Date.now() + COURSE_CLOCKS.SESSION_EXPIRES_IN * 1000)),
      "🚨 expires_at новой сессии должен быть через 30 дней",
    ).toBeLessThan(MINUTE_MS);
  });

  it("сессия старше updateAge, но ещё живая, продлевается при следующем запросе: expires_at = сейчас + 30 дней", async () => {
    const session = await newSession();
    // Signed in two days ago: still valid for 28 days, last renewed longer ago than updateAge.
    await backdate(session.token, { createdAgoMs: 2 * DAY_MS });
    const before = (await expiresAtOf(session.token))!;
    const response = await readSession(session.cookie);
    expect((await readJson(response)).user, "🚨 живая сессия должна давать пользователя").toBeTruthy();
    const after = (await expiresAtOf(session.token))!;
    expect(after.getTime(), "🚨 активная сессия старше updateAge должна сдвинуть expires_at вперёд").toBeGreaterThan(
      before.getTime() + DAY_MS,
    );
    expect(
      Math.abs(after.getTime() - (Date.now() + COURSE_CLOCKS.SESSION_EXPIRES_IN * 1000)),
      "🚨 продление ставит expires_at = момент запроса + expiresIn (30 дней)",
    ).toBeLessThan(MINUTE_MS);
    expect(sessionCookie(response)?.attributes.get("max-age"), "🚨 при продлении браузер получает cookie на новые 30 дней").toBe(
      String(COURSE_CLOCKS.SESSION_EXPIRES_IN),
    );
  });

  it("продление ровно по updateAge: продлённую 12 часов назад сессию запрос не трогает, продлённую 25 часов назад — продлевает", async () => {
    const [recent, due] = [await newSession(), await newSession()];
    await backdate(recent.token, { createdAgoMs: 12 * HOUR_MS });
    await backdate(due.token, { createdAgoMs: 25 * HOUR_MS });
    const [recentBefore, dueBefore] = [(await expiresAtOf(recent.token))!, (await expiresAtOf(due.token))!];

    for (const session of [recent, due]) {
      expect((await readJson(await readSession(session.cookie))).user, "🚨 живая сессия должна давать пользователя").toBeTruthy();
    }
    expect((await expiresAtOf(recent.token))?.getTime(), "🚨 сессию, продлённую меньше суток назад, продлевать рано (нет UPDATE на каждый запрос)").toBe(
      recentBefore.getTime(),
    );
    expect(
      (await expiresAtOf(due.token))?.getTime(),
      "🚨 сессию, продлённую больше суток (updateAge) назад, запрос должен продлить: expires_at = сейчас + 30 дней",
    ).toBeGreaterThan(dueBefore.getTime() + HOUR_MS);
  });

  it("истёкшую сессию requireFreshSession не пропускает, даже если вход был 5 минут назад: UNAUTHORIZED", async () => {
    const session = await newSession();
    // expires_at is the wall: once it has passed, how recent the sign-in was does not matter.
    await backdate(session.token, { createdAgoMs: 5 * MINUTE_MS, expiresAt: new Date(Date.now() - MINUTE_MS) });
    const { requireFreshSession } = await loadFresh();
    const error = await errorOf(() => requireFreshSession(session.headers));
    expect(error, "🚨 сессия с прошедшим expires_at не должна давать пользователя: проверяйте её через auth.api.getSession").toBeDefined();
    expect(error?.code, "🚨 истёкшая сессия — это «нет сессии»: бросьте UnauthorizedError (code = \"UNAUTHORIZED\")").toBe(
      "UNAUTHORIZED",
    );
  });

  it("requireFreshSession пропускает сессию, открытую входом 5 минут назад, и возвращает пользователя", async () => {
    const session = await newSession();
    await backdate(session.token, { createdAgoMs: 5 * MINUTE_MS });
    await expectFresh(session.headers, "сессия моложе freshAge (10 минут) — свежая");
  });

  it("сессия, открытая 11 минут назад, не свежая, даже если её продлили секунду назад: ошибка SESSION_NOT_FRESH", async () => {
    const session = await newSession();
    // Renewed a second ago: updated_at and expires_at both moved forward, created_at (the sign-in) did not.
    await backdate(session.token, { createdAgoMs: 11 * MINUTE_MS, updatedAgoMs: 1000 });
    const { requireFreshSession } = await loadFresh();
    const error = await errorOf(() => requireFreshSession(session.headers));
    expect(
      error,
      "🚨 свежесть считается от created_at (входа), а не от updated_at и не от expires_at − expiresIn: оба сдвигает каждое продление",
    ).toBeDefined();
    expect(error?.code, "🚨 несвежая сессия: бросьте SessionNotFreshError с code = \"SESSION_NOT_FRESH\"").toBe(
      "SESSION_NOT_FRESH",
    );
    expect(await expiresAtOf(session.token), "🚨 несвежая сессия остаётся действительной: её не удаляют").toBeDefined();
  });

  it("вход без «запомнить меня» 5 минут назад — свежий, хотя его expires_at ближе 30 дней", async () => {
    const { auth } = await loadAuth();
    const context = await auth.$context;
    const session = await newSession();
    // rememberMe: false gives a one-day session and a dont_remember cookie; Better Auth never renews it.
    await backdate(session.token, { createdAgoMs: 5 * MINUTE_MS, expiresAt: new Date(Date.now() - 5 * MINUTE_MS + DAY_MS) });
    const dontRemember = `${context.authCookies.dontRememberToken.name}=${signedCookieValue("true", context.secret)}`;
    await expectFresh(
      new Headers({ cookie: `${session.cookie}; ${dontRemember}` }),
      "свежесть считается от created_at, а не выводится из expires_at − expiresIn",
    );
  });

  it("requireFreshSession без сессии отказывает с UNAUTHORIZED", async () => {
    const { requireFreshSession } = await loadFresh();
    const error = await errorOf(() => requireFreshSession(new Headers()));
    expect(error?.code, "🚨 без cookie сессии бросьте UnauthorizedError (code = \"UNAUTHORIZED\")").toBe("UNAUTHORIZED");
  });

  it("когда база недоступна, requireFreshSession не выдаёт сбой за «не вошёл»: ошибка доходит до вызывающего кода", async () => {
    const session = await newSession();
    await expectFresh(session.headers, "с работающей базой свежая сессия проходит");

    // The same app, pointed at a port nobody listens on: every query fails with ECONNREFUSED.
    const unreachable = await lab.unreachableDatabaseUrl();
    const quiet = vi.spyOn(console, "error").mockImplementation(() => {});
    lab.reloadWith({ DATABASE_URL: unreachable });
    try {
      const { requireFreshSession } = await loadFresh();
      const error = await errorOf(() => requireFreshSession(session.headers));
      expect(error, "🚨 база недоступна: requireFreshSession не должна возвращать пользователя").toBeDefined();
      expect(
        error?.code,
        "🚨 сбой базы — не «нет сессии»: не превращайте любую ошибку в UnauthorizedError, пробросьте её (пусть ответит 500)",
      ).not.toBe("UNAUTHORIZED");
      expect(error?.code, "🚨 сбой базы — не «сессия несвежая»: пробросьте ошибку дальше").not.toBe("SESSION_NOT_FRESH");
    } finally {
      // The harness undoes reloadWith after each test; only the console needs its voice back.
      quiet.mockRestore();
    }
  });
});

import type { Auth } from "better-auth";
import { beforeAll, describe, expect, it } from "vitest";
import { appRequest, readJson, sessionCookie, tokenOf, type AuthHandler } from "./support/http.ts";
import { importLabFile } from "./support/lab.ts";
import { setupLab, type LabEnvironment } from "./support/lab-environment.ts";
import { openSession, type OpenedSession } from "./support/sessions.ts";
import { signInRequest, signUpUser, type TestUser } from "./support/users.ts";

// The course's three clocks, in seconds, as the task states them.
const DAY = 60 * 60 * 24;
const COURSE_CLOCKS = { SESSION_EXPIRES_IN: 30 * DAY, SESSION_UPDATE_AGE: DAY, SESSION_FRESH_AGE: 10 * 60 } as const;
const MINUTE_MS = 60_000;
const DAY_MS = DAY * 1000;

interface CurrentUser {
  id: string;
  email: string;
  name: string;
  role: string;
}
type SessionReader = (headers: Headers) => Promise<CurrentUser | null>;
type FreshGuard = (headers: Headers) => Promise<CurrentUser>;

let lab: LabEnvironment;
let user: TestUser;

beforeAll(async () => {
  lab = await setupLab("bauth08");
  const { auth } = await loadAuth();
  user = await signUpUser(auth, { name: "Лиза" });
});

const loadAuth = () => lab.load<{ auth: Auth & AuthHandler }>("src/lib/auth.ts", { auth: "object" });
const loadSession = () => lab.load<{ getCurrentUser: SessionReader }>("src/server/auth/session.ts", { getCurrentUser: "function" });
const loadFresh = () =>
  lab.load<{ requireFreshSession: FreshGuard }>("src/server/auth/fresh-session.ts", { requireFreshSession: "function" });

/** A new session of the test user (another device), opened by Better Auth without a password check. */
async function newSession(): Promise<OpenedSession> {
  const { auth } = await loadAuth();
  return openSession(auth, user.id);
}

/** Moves a session back in time: its row says it was created (and last renewed) that long ago. */
async function backdate(token: string, times: { createdAgoMs: number; updatedAgoMs?: number; expiresAt?: Date }): Promise<void> {
  const now = Date.now();
  const createdAt = new Date(now - times.createdAgoMs);
  const updatedAt = new Date(now - (times.updatedAgoMs ?? times.createdAgoMs));
  const expiresAt = times.expiresAt ?? new Date(createdAt.getTime() + COURSE_CLOCKS.SESSION_EXPIRES_IN * 1000);
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

async function errorOf(promise: Promise<unknown>): Promise<{ code?: unknown; name?: unknown; message?: unknown } | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return (error ?? {}) as { code?: unknown };
  }
}

describe("bauth08 «Session expiration»", () => {
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
    const { auth } = await loadAuth();
    const response = await signInRequest(auth, user.email, user.password);
    const cookie = sessionCookie(response);
    expect(cookie?.attributes.get("max-age"), "🚨 cookie сессии должна жить столько же, сколько строка (expiresIn)").toBe(
      String(COURSE_CLOCKS.SESSION_EXPIRES_IN),
    );
    const expiresAt = await expiresAtOf(tokenOf(cookie!));
    expect(
      Math.abs((expiresAt?.getTime() ?? 0) - (Date.now() + COURSE_CLOCKS.SESSION_EXPIRES_IN * 1000)),
      "🚨 expires_at новой сессии должен быть через 30 дней",
    ).toBeLessThan(MINUTE_MS);
  });

  it("сессия с прошедшим expires_at не даёт пользователя, а её строка удаляется из sessions", async () => {
    const session = await newSession();
    await backdate(session.token, { createdAgoMs: 31 * DAY_MS, expiresAt: new Date(Date.now() - MINUTE_MS) });
    const { getCurrentUser } = await loadSession();
    expect(await getCurrentUser(session.headers), "🚨 истёкшая сессия не должна давать пользователя").toBeNull();
    expect(await expiresAtOf(session.token), "🚨 строка истёкшей сессии должна быть удалена").toBeUndefined();
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

  it("сессию моложе updateAge запрос не трогает: expires_at не меняется (нет UPDATE на каждый запрос)", async () => {
    const session = await newSession();
    await backdate(session.token, { createdAgoMs: 12 * 60 * MINUTE_MS });
    const before = (await expiresAtOf(session.token))!;
    const response = await readSession(session.cookie);
    expect((await readJson(response)).user, "🚨 живая сессия должна давать пользователя").toBeTruthy();
    expect((await expiresAtOf(session.token))?.getTime(), "🚨 сессию, продлённую меньше суток назад, продлевать рано").toBe(
      before.getTime(),
    );
  });

  it("requireFreshSession пропускает сессию, открытую входом 5 минут назад, и возвращает пользователя", async () => {
    const session = await newSession();
    await backdate(session.token, { createdAgoMs: 5 * MINUTE_MS });
    const { requireFreshSession } = await loadFresh();
    const fresh = await requireFreshSession(session.headers).catch((error: unknown) => error);
    expect(fresh, "🚨 сессия моложе freshAge (10 минут) — свежая: requireFreshSession возвращает пользователя").toMatchObject({
      id: user.id,
      email: user.email,
    });
  });

  it("сессия, открытая 11 минут назад, не свежая, даже если ею пользовались секунду назад: ошибка SESSION_NOT_FRESH", async () => {
    const session = await newSession();
    await backdate(session.token, { createdAgoMs: 11 * MINUTE_MS, updatedAgoMs: 1000 });
    const { requireFreshSession } = await loadFresh();
    const error = await errorOf(requireFreshSession(session.headers));
    expect(error, "🚨 свежесть считается от created_at (входа), а не от updated_at (последней активности)").toBeDefined();
    expect(error?.code, "🚨 несвежая сессия: бросьте SessionNotFreshError с code = \"SESSION_NOT_FRESH\"").toBe(
      "SESSION_NOT_FRESH",
    );
    expect(await expiresAtOf(session.token), "🚨 несвежая сессия остаётся действительной: её не удаляют").toBeDefined();
  });

  it("requireFreshSession без сессии отказывает с UNAUTHORIZED", async () => {
    const { requireFreshSession } = await loadFresh();
    const error = await errorOf(requireFreshSession(new Headers()));
    expect(error?.code, "🚨 без cookie сессии бросьте UnauthorizedError (code = \"UNAUTHORIZED\")").toBe("UNAUTHORIZED");
  });
});

import type { Auth } from "better-auth";
import { beforeAll, describe, expect, it } from "vitest";
import { CookieJar } from "./support/browser.ts";
import { withClockMoved } from "./support/clock.ts";
import { describeError } from "./support/errors.ts";
import { appRequest, parseSetCookies, readJson, setCookieHeaders, type AuthHandler } from "./support/http.ts";
import { importLabFile, LabError, shownPath } from "./support/lab.ts";
import { setupLab, type LabEnvironment } from "./support/lab-environment.ts";
import { countQueries } from "./support/query-counter.ts";
import { openSession } from "./support/sessions.ts";
import { trpcRequest } from "./support/trpc.ts";
import { TEST_PASSWORD, uniqueEmail } from "./support/users.ts";

const AUTH = "src/lib/auth.ts";
const SESSION = "src/server/auth/session.ts";
const DASHBOARD = "src/app/dashboard/data.ts";
/** The README's bound: a revoked session may pass ordinary reads for at most five minutes. */
const MAX_CACHE_SECONDS = 5 * 60;
const STRATEGIES = ["compact", "jwt", "jwe"];
/**
 * Better Auth's scrypt hash of TEST_PASSWORD (hashPassword from better-auth/crypto), computed once:
 * a user with a password costs one INSERT here instead of a sign-up's 100 ms of scrypt.
 */
const TEST_PASSWORD_HASH =
  "fded01d25456d1dd6c8c7ecfcd74f199:468a86872483553ffd7b53d955cbb549211758a221c907ca5236fa1c138fe70fb943854e5708a6c79889e821a4a5d30b8637de6b08db481422880ee5e1f05774";

type CurrentUser = { id: string; email: string; name: string; role: string };
type ReadUser = (headers: Headers) => Promise<CurrentUser | null>;
type RequireUser = (headers: Headers) => Promise<CurrentUser>;
type Dashboard = { user: CurrentUser; devices: Record<string, unknown>[] };

let lab: LabEnvironment;

beforeAll(async () => {
  lab = await setupLab("bauth11");
});

const loadAuth = () => lab.load<{ auth: Auth & AuthHandler }>(AUTH, { auth: "object" });
const loadSession = () =>
  lab.load<{ getCurrentUser: ReadUser; requireLiveUser: RequireUser }>(SESSION, { getCurrentUser: "function", requireLiveUser: "function" });
const loadDashboard = async () =>
  (await lab.load<{ loadDashboard: (headers: Headers) => Promise<Dashboard> }>(DASHBOARD, { loadDashboard: "function" })).loadDashboard;
const loadFresh = async () =>
  (await lab.load<{ requireFreshSession: RequireUser }>("src/server/auth/fresh-session.ts", { requireFreshSession: "function" })).requireFreshSession;
const loadSignOutEverywhere = async () =>
  (
    await lab.load<{ signOutEverywhere: (headers: Headers) => Promise<{ ok: boolean }> }>("src/server/auth/sign-out.ts", {
      signOutEverywhere: "function",
    })
  ).signOutEverywhere;

/** SESSION_CACHE_MAX_AGE from src/lib/auth.ts, in seconds. */
async function cacheMaxAge(): Promise<number> {
  const value = (await importLabFile("bauth11", AUTH)).SESSION_CACHE_MAX_AGE;
  if (typeof value !== "number") {
    throw new LabError(`bauth11: ${shownPath("bauth11", AUTH)}: ожидается экспорт SESSION_CACHE_MAX_AGE — число секунд, а найдено: ${typeof value}.`);
  }
  return value;
}

/** A user row written by the grader (with TEST_PASSWORD's hash on a credential account): no sign-up, no scrypt. */
async function newUser(name = "Ирина"): Promise<{ id: string; email: string }> {
  const email = uniqueEmail("cache");
  const { rows } = await lab.sql.query<{ id: string }>(`insert into users (name, email) values ($1, $2) returning id`, [name, email]);
  const id = rows[0]!.id;
  await lab.sql.query(`insert into accounts (account_id, provider_id, user_id, password) values ($1, 'credential', $2, $3)`, [id, id, TEST_PASSWORD_HASH]);
  return { id, email };
}

interface Device {
  token: string;
  /** Only the session_token cookie: what a browser sends before it has a cache cookie. */
  tokenOnly: Headers;
  /** session_token and session_data, as the browser sends them after one answer with a session. */
  headers: Headers;
  jar: CookieJar;
}

/** A signed-in device whose browser already holds the cache cookie Better Auth sets on a read of the session. */
async function device(userId: string): Promise<Device> {
  const { auth } = await loadAuth();
  const opened = await openSession(auth, userId);
  const jar = new CookieJar();
  jar.store(setCookieHeaders([opened.cookie]));
  jar.store(await auth.handler(appRequest("/api/auth/get-session", { cookie: opened.cookie })));
  return { token: opened.token, tokenOnly: opened.headers, headers: new Headers({ cookie: jar.header() }), jar };
}

function hasCacheCookie(headers: Headers): boolean {
  return /\.session_data(\.\d+)?=/.test(headers.get("cookie") ?? "");
}

async function outcome<T>(call: () => Promise<T>): Promise<{ value: T } | { error: unknown }> {
  try {
    return { value: await call() };
  } catch (error) {
    return { error };
  }
}

/** Expects the lab helper to refuse with UnauthorizedError (code UNAUTHORIZED). */
async function expectRefused(call: () => Promise<unknown>, message: string): Promise<void> {
  const result = await outcome(call);
  const code = "error" in result ? (result.error as { code?: unknown } | null)?.code : undefined;
  const got = "error" in result ? `ошибка ${describeError(result.error)}` : `ответ ${JSON.stringify(result.value)}`;
  expect(code, `🚨 ${message} Сейчас: ${got}`).toBe("UNAUTHORIZED");
}

describe("bauth11 «Кэш сессии (cookie cache)»", () => {
  it("cookie-кэш включён: ответ с сессией ставит …session_data (HttpOnly, SameSite=Lax, Path=/) с Max-Age = SESSION_CACHE_MAX_AGE от 1 до 300 с, стратегия выбрана явно", async () => {
    const maxAge = await cacheMaxAge();
    expect(
      Number.isInteger(maxAge) && maxAge >= 1 && maxAge <= MAX_CACHE_SECONDS,
      `🚨 SESSION_CACHE_MAX_AGE = ${maxAge}: это секунды, и столько отозванная сессия ещё проходит обычные проверки. Выберите целое число от 1 до ${MAX_CACHE_SECONDS}`,
    ).toBe(true);
    const { auth } = await loadAuth();
    const strategy = (auth.options.session?.cookieCache as { strategy?: unknown } | undefined)?.strategy;
    expect(
      STRATEGIES.includes(String(strategy)),
      `🚨 укажите session.cookieCache.strategy явно — "compact", "jwt" или "jwe" — и объясните выбор в комментарии. Сейчас: ${String(strategy)}`,
    ).toBe(true);

    const { id } = await newUser();
    const opened = await openSession(auth, id);
    const response = await auth.handler(appRequest("/api/auth/get-session", { cookie: opened.cookie }));
    const cache = parseSetCookies(response).find((cookie) => /\.session_data(\.0)?$/.test(cookie.name));
    expect(cache, "🚨 ответ с сессией должен ставить cookie …session_data: включите session.cookieCache (enabled: true) в src/lib/auth.ts").toBeDefined();
    expect(cache!.attributes.get("max-age"), "🚨 Max-Age cookie …session_data — это cookieCache.maxAge: передайте туда SESSION_CACHE_MAX_AGE (в секундах)").toBe(
      String(maxAge),
    );
    expect(cache!.attributes.has("httponly"), "🚨 cookie …session_data должна быть HttpOnly, как и cookie сессии").toBe(true);
    expect(cache!.attributes.get("samesite")?.toLowerCase(), "🚨 cookie …session_data должна быть SameSite=Lax").toBe("lax");
    expect(cache!.attributes.get("path"), "🚨 cookie …session_data должна быть на Path=/").toBe("/");
  });

  it("обычное чтение берёт сессию из cookie-кэша: getCurrentUser и tRPC me с …session_data — 0 SELECT к sessions, без неё — 1, и так до SESSION_CACHE_MAX_AGE", async () => {
    const maxAge = await cacheMaxAge();
    const { getCurrentUser } = await loadSession();
    const { id, email } = await newUser();
    const phone = await device(id);
    expect(hasCacheCookie(phone.headers), "🚨 ответ /api/auth/get-session должен ставить cookie …session_data: включите session.cookieCache").toBe(true);

    const cold = await countQueries(() => getCurrentUser(phone.tokenOnly));
    expect(cold.result?.email, "🚨 getCurrentUser должна находить пользователя по cookie сессии").toBe(email);
    expect(cold.log.selectsFrom("sessions"), "🚨 без cookie-кэша чтение сессии — один SELECT к sessions").toBe(1);

    const cached = await countQueries(() => getCurrentUser(phone.headers));
    expect(cached.result?.email, "🚨 getCurrentUser с cookie-кэшем должна вернуть того же пользователя").toBe(email);
    expect(
      cached.log.selectsFrom("sessions"),
      "🚨 с cookie …session_data getCurrentUser не должна читать sessions: оставьте обычное чтение с кэшем (без disableCookieCache) и включите session.cookieCache. " +
        `Запросы: ${cached.log.statements.join(" | ")}`,
    ).toBe(0);

    const { appRouter } = await lab.load<{ appRouter: object }>("src/server/routers/app.ts", { appRouter: "object" });
    const { createContext } = await lab.load<{ createContext: (options: { req: Request }) => Promise<object> }>("src/server/context.ts", {
      createContext: "function",
    });
    const me = await countQueries(() => trpcRequest({ router: appRouter, createContext }, "me", { cookie: phone.headers.get("cookie")! }));
    expect([me.result.status, (me.result.data as { email?: unknown } | undefined)?.email], "🚨 tRPC me с cookie-кэшем должен вернуть пользователя").toEqual([
      200,
      email,
    ]);
    expect(me.log.selectsFrom("sessions"), "🚨 tRPC-запрос me с cookie-кэшем не должен читать sessions: контекст берёт пользователя из getCurrentUser").toBe(0);

    // The cache's clock is in the cookie: just before maxAge it still answers, just after it the row is read again.
    const late = await withClockMoved(maxAge * 1000 - 1500, () => countQueries(() => getCurrentUser(phone.headers)));
    expect(late.log.selectsFrom("sessions"), `🚨 за секунду до SESSION_CACHE_MAX_AGE (${maxAge} с) кэш ещё действует: 0 SELECT к sessions`).toBe(0);
    const expired = await withClockMoved((maxAge + 1) * 1000, () => countQueries(() => getCurrentUser(phone.headers)));
    expect(expired.result?.email, "🚨 после срока кэша живая сессия должна читаться из базы").toBe(email);
    expect(
      expired.log.selectsFrom("sessions"),
      `🚨 через SESSION_CACHE_MAX_AGE (${maxAge} с) кэш устаревает и чтение снова идёт в sessions: cookieCache.maxAge должен быть SESSION_CACHE_MAX_AGE`,
    ).toBe(1);
  });

  it("requireLiveUser читает строку в базе даже с cookie-кэшем (1 SELECT к sessions) и возвращает { id, email, name, role }, а без сессии — UnauthorizedError", async () => {
    const { requireLiveUser } = await loadSession();
    const { id, email } = await newUser("Лев");
    const laptop = await device(id);
    const live = await countQueries(() => requireLiveUser(laptop.headers));
    expect(live.result, "🚨 requireLiveUser должна вернуть { id, email, name, role } владельца сессии").toEqual({ id, email, name: "Лев", role: "USER" });
    expect(
      live.log.selectsFrom("sessions"),
      "🚨 requireLiveUser должна идти мимо кэша и читать sessions даже при cookie …session_data: getSession с query { disableCookieCache: true }",
    ).toBe(1);
    await expectRefused(() => requireLiveUser(new Headers()), "requireLiveUser без cookie должна бросать UnauthorizedError.");
  });

  it("после «выйти на всех устройствах» другое устройство сразу теряет requireLiveUser, loadDashboard и requireFreshSession; обычное чтение из кэша отвечает не дольше SESSION_CACHE_MAX_AGE", async () => {
    const maxAge = await cacheMaxAge();
    const [{ getCurrentUser, requireLiveUser }, dashboard, fresh, signOutEverywhere] = await Promise.all([
      loadSession(),
      loadDashboard(),
      loadFresh(),
      loadSignOutEverywhere(),
    ]);
    const { id, email } = await newUser();
    const [phone, stolen] = [await device(id), await device(id)];

    const result = await signOutEverywhere(phone.headers);
    expect(result.ok, `🚨 signOutEverywhere должна пройти: ${JSON.stringify(result)}`).toBe(true);

    const revoked = "сессия отозвана («выйти на всех устройствах»), и чувствительное чтение должно отказать сразу, а не через SESSION_CACHE_MAX_AGE:";
    await expectRefused(() => requireLiveUser(stolen.headers), `${revoked} requireLiveUser читает sessions с disableCookieCache: true.`);
    await expectRefused(() => dashboard(stolen.headers), `${revoked} loadDashboard (список устройств) проверяет сессию через requireLiveUser, а не requireUser.`);
    await expectRefused(() => fresh(stolen.headers), `${revoked} requireFreshSession читает сессию с disableCookieCache: true.`);

    // The price, stated honestly: the signed copy in the stolen cookie still passes ordinary reads until it expires.
    const stale = await withClockMoved(maxAge * 1000 - 1500, () => getCurrentUser(stolen.headers));
    expect(stale?.email, "🚨 так устроен cookie-кэш: до конца maxAge обычное чтение верит копии сессии в cookie и базу не спрашивает").toBe(email);
    const afterBound = await withClockMoved((maxAge + 1) * 1000, () => getCurrentUser(stolen.headers));
    expect(afterBound, `🚨 через SESSION_CACHE_MAX_AGE (${maxAge} с) отозванная сессия не должна проходить и обычное чтение`).toBeNull();
  });

  it("эндпоинты Better Auth, которые верят кэшу, читают строку: после «выйти везде» украденная cookie не получает /list-sessions (с токенами новых сессий) и не меняет профиль через /update-user", async () => {
    const [{ auth }, signOutEverywhere] = await Promise.all([loadAuth(), loadSignOutEverywhere()]);
    const { id } = await newUser("Вера");
    const [phone, stolen] = [await device(id), await device(id)];
    expect((await signOutEverywhere(phone.headers)).ok, "🚨 signOutEverywhere должна пройти").toBe(true);
    // The owner signs in again: the thief must not learn anything about the new session.
    const again = await device(id);
    const { getCurrentUser } = await loadSession();
    expect(
      (await getCurrentUser(stolen.headers))?.id,
      "🚨 здесь проверяются эндпоинты при живом cookie-кэше, а украденная cookie не проходит даже обычное чтение: включите session.cookieCache",
    ).toBe(id);

    const own = await auth.handler(appRequest("/api/auth/list-sessions", { cookie: again.headers.get("cookie")! }));
    expect(own.status, `🚨 живая сессия должна получать свой список сессий: ${JSON.stringify(await readJson(own))}`).toBe(200);

    const listed = await auth.handler(appRequest("/api/auth/list-sessions", { cookie: stolen.headers.get("cookie")! }));
    const leaked = JSON.stringify(await readJson(listed)).includes(again.token);
    expect(
      [listed.status, leaked],
      "🚨 /api/auth/list-sessions проверяет сессию по cookie-кэшу и отдаёт отозванной сессии токены новых. " +
        "Плагином с before-хуком поставьте этому эндпоинту query disableCookieCache: true — тогда ответ 401",
    ).toEqual([401, false]);

    const renamed = await auth.handler(appRequest("/api/auth/update-user", { cookie: stolen.headers.get("cookie")!, body: { name: "Взломщик" } }));
    const { rows } = await lab.sql.query<{ name: string }>(`select name from users where id = $1`, [id]);
    expect(
      [renamed.status, rows[0]?.name],
      "🚨 /api/auth/update-user тоже верит cookie-кэшу: отозванная сессия переименовала пользователя. Добавьте его в тот же хук",
    ).toEqual([401, "Вера"]);
  });

  it("смена пароля с revokeOtherSessions: украденная сессия сразу теряет список устройств и requireLiveUser, а новая cookie того, кто сменил пароль, открывает /dashboard", async () => {
    const [{ requireLiveUser }, dashboard, { auth }] = await Promise.all([loadSession(), loadDashboard(), loadAuth()]);
    const { id, email } = await newUser();
    const [own, stolen] = [await device(id), await device(id)];

    const changed = await auth.handler(
      appRequest("/api/auth/change-password", {
        cookie: own.headers.get("cookie")!,
        body: { currentPassword: TEST_PASSWORD, newPassword: "ещё-один-длинный-пароль-2026", revokeOtherSessions: true },
      }),
    );
    expect(changed.status, `🚨 смена пароля через Better Auth не прошла: ${JSON.stringify(await readJson(changed))}`).toBe(200);
    own.jar.store(changed);

    const revoked = "после смены пароля с revokeOtherSessions строки старых сессий удалены, и чувствительное чтение должно отказать сразу:";
    await expectRefused(() => requireLiveUser(stolen.headers), `${revoked} requireLiveUser читает sessions мимо кэша.`);
    await expectRefused(() => dashboard(stolen.headers), `${revoked} loadDashboard проверяет сессию через requireLiveUser.`);

    const mine = await dashboard(new Headers({ cookie: own.jar.header() }));
    expect(mine.user?.email, "🚨 новая cookie после смены пароля должна открывать /dashboard").toBe(email);
    expect(mine.devices?.length, "🚨 после смены пароля с revokeOtherSessions у пользователя одна сессия — новая").toBe(1);
  });

  it("loadDashboard перечисляет в devices живые сессии этого пользователя, новые сверху, с полями id, createdAt, expiresAt, ipAddress, userAgent и без токенов", async () => {
    const dashboard = await loadDashboard();
    const { id } = await newUser("Оля");
    const other = await newUser("Пётр");
    const [desk, tablet, old] = [await device(id), await device(id), await device(id)];
    const someoneElse = await device(other.id);
    await lab.sql.query(`update sessions set expires_at = now() - interval '1 minute' where token = $1`, [old.token]);
    // The desk signed in two hours ago, the tablet one hour ago: the tablet comes first. Updated in this order, the
    // rows also sit in the table as desk, tablet, so a list without ORDER BY comes out in the wrong order.
    await lab.sql.query(`update sessions set created_at = now() - interval '2 hours' where token = $1`, [desk.token]);
    await lab.sql.query(`update sessions set created_at = now() - interval '1 hour' where token = $1`, [tablet.token]);
    const { rows } = await lab.sql.query<{ id: string; token: string }>(`select id, token from sessions where token = any($1)`, [
      [desk.token, tablet.token, old.token, someoneElse.token],
    ]);
    const idOf = (token: string) => rows.find((row) => row.token === token)?.id;

    const { user, devices } = await dashboard(desk.headers);
    expect(user?.id, "🚨 loadDashboard должна вернуть { user, devices }, user — владелец сессии").toBe(id);
    expect(Array.isArray(devices), "🚨 loadDashboard должна вернуть devices — массив сессий пользователя").toBe(true);
    const listed = devices.map((entry) => entry.id);
    expect(
      [...listed].sort(),
      "🚨 в devices — ровно живые сессии этого пользователя: фильтр по user_id и expires_at > сейчас (истёкшую и чужую не показывайте)",
    ).toEqual([idOf(desk.token), idOf(tablet.token)].sort());
    expect(listed, "🚨 devices упорядочены по времени входа, новые сверху (created_at по убыванию)").toEqual([idOf(tablet.token), idOf(desk.token)]);
    for (const entry of devices) {
      expect(Object.keys(entry).sort(), "🚨 у устройства ровно поля id, createdAt, expiresAt, ipAddress, userAgent").toEqual(
        ["createdAt", "expiresAt", "id", "ipAddress", "userAgent"],
      );
    }
    const shown = JSON.stringify(devices);
    expect(
      [desk.token, tablet.token].filter((token) => shown.includes(token)),
      "🚨 токен сессии — секрет устройства, как пароль: в devices его быть не должно",
    ).toEqual([]);
  });

  it("requireLiveUser не выдаёт сбой базы за «не вошёл»: при недоступной базе — ошибка, а не UnauthorizedError", async () => {
    const { auth } = await loadAuth();
    const { id } = await newUser();
    const { cookie } = await openSession(auth, id);
    // The main path first: with the database up the same cookie gives the user, so the failure below means something.
    const up = await outcome(async () => (await loadSession()).requireLiveUser(new Headers({ cookie })));
    expect("value" in up ? up.value.id : describeError(up.error), "🚨 requireLiveUser должна вернуть пользователя живой сессии").toBe(id);

    lab.reloadWith({ DATABASE_URL: await lab.unreachableDatabaseUrl() });
    const { requireLiveUser } = await loadSession();
    const result = await outcome(() => requireLiveUser(new Headers({ cookie })));
    const code = "error" in result ? (result.error as { code?: unknown } | null)?.code : undefined;
    expect("error" in result, "🚨 при недоступной базе requireLiveUser не может подтвердить сессию и должна бросить ошибку").toBe(true);
    expect(
      code,
      `🚨 недоступная база — это сбой сервера, а не «пользователь не вошёл»: не превращайте ошибку в UnauthorizedError (${"error" in result ? describeError(result.error) : ""})`,
    ).not.toBe("UNAUTHORIZED");
  });
});

import { randomUUID } from "node:crypto";
import { join } from "node:path";
import { unstable_doesMiddlewareMatch } from "next/experimental/testing/server";
import { NextRequest } from "next/server";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { browserRefusal, CookieJar } from "./support/browser.ts";
import { readJson, sessionCookie, tokenOf } from "./support/http.ts";
import { importLabFile, labDir, LabError, shownPath } from "./support/lab.ts";
import { APP_ORIGIN, setupLab, type LabEnvironment } from "./support/lab-environment.ts";
import { TEST_PASSWORD, uniqueEmail } from "./support/users.ts";

const PRODUCTION_ORIGIN = "https://app.example.ru";
const ROUTE_AUTH = "src/app/api/auth/[...all]/route.ts";
const ROUTE_TRPC = "src/app/api/trpc/[trpc]/route.ts";
const PROXY = "src/proxy.ts";
const COOKIES = "src/lib/auth-cookies.ts";
const SAFE_NEXT = "src/lib/safe-next.ts";
const FOREIGN_ORIGIN = "http://evil.example";
const AFTER_SIGN_IN = "/dashboard";

type RouteHandler = (request: Request) => Promise<Response>;
type Proxy = (request: NextRequest) => Response | Promise<Response>;
type ProxyModule = {
  proxy: Proxy;
  config: { matcher?: string | string[] | object[] };
};

let lab: LabEnvironment;
let originalEnv: Record<string, string | undefined>;

beforeAll(async () => {
  lab = await setupLab("bauth10");
  originalEnv = { NODE_ENV: process.env.NODE_ENV, BETTER_AUTH_URL: process.env.BETTER_AUTH_URL };
});

/** Set by the tests that change the environment or the module graph (production run, prefix swap). */
let reloaded = false;

afterEach(() => {
  if (!reloaded) return;
  vi.doUnmock(join(labDir("bauth10"), COOKIES));
  lab.reloadWith(originalEnv);
  reloaded = false;
});

function reload(variables: Record<string, string | undefined> = {}): void {
  reloaded = true;
  lab.reloadWith(variables);
}

async function loadAuthRoute() {
  // Registered so the harness closes this module graph's pool before it drops the database.
  await lab.load<{ pool: object }>("src/db/index.ts", { pool: "object" });
  return lab.load<{ GET: RouteHandler; POST: RouteHandler }>(ROUTE_AUTH, { GET: "function", POST: "function" });
}
const loadTrpcRoute = () => lab.load<{ GET: RouteHandler; POST: RouteHandler }>(ROUTE_TRPC, { GET: "function", POST: "function" });
/** Next.js 16 takes the proxy as a named `proxy` export or as the file's default export: both are right. */
async function loadProxy(): Promise<ProxyModule> {
  const { config } = await lab.load<Pick<ProxyModule, "config">>(PROXY, { config: "object" });
  const module = await importLabFile("bauth10", PROXY);
  const proxy = typeof module.proxy === "function" ? module.proxy : module.default;
  if (typeof proxy !== "function") {
    throw new LabError(`bauth10: ${shownPath("bauth10", PROXY)}: ожидается функция proxy — export function proxy(…) или export default function, но её нет.`);
  }
  return { proxy: proxy as Proxy, config };
}
const loadDashboard = () =>
  lab.load<{ loadDashboard: (headers: Headers) => Promise<{ user: { id: string; email: string } }> }>("src/app/dashboard/data.ts", {
    loadDashboard: "function",
  });

const loadSafeNext = async () =>
  (await lab.load<{ safeNext: (next: string | null | undefined, appUrl: string) => string }>(SAFE_NEXT, { safeNext: "function" })).safeNext;

/** Where the browser goes when the login page answers `Location: <value>`: it resolves the value against /login. */
function landsOn(value: string): string {
  return URL.canParse(value, `${APP_ORIGIN}/login`) ? new URL(value, `${APP_ORIGIN}/login`).origin : "не адрес";
}

/** The values safeNext got wrong, as "next → result (expected)" lines for one readable message. */
function mismatches(safeNext: (next: string | null | undefined, appUrl: string) => string, cases: readonly (readonly [string | null | undefined, string])[]): string[] {
  return cases
    .map(([next, expected]) => [next, safeNext(next, APP_ORIGIN), expected] as const)
    .filter(([, actual, expected]) => actual !== expected)
    .map(([next, actual, expected]) => `${JSON.stringify(next)} → ${JSON.stringify(actual)} (нужно ${JSON.stringify(expected)})`);
}

/** notes.create through the real tRPC route, with the tab's cookie and the Origin of whichever page sends it. */
async function createNoteFrom(origin: string, cookie: string, title: string, contentType = "application/json") {
  const { POST } = await loadTrpcRoute();
  const headers = new Headers({ origin, cookie, "content-type": contentType });
  const response = await POST(new Request(new URL("/api/trpc/notes.create", APP_ORIGIN), { method: "POST", headers, body: JSON.stringify({ title }) }));
  const body = await readJson(response);
  const { rows } = await lab.sql.query(`select id from notes where title = $1`, [title]);
  const error = body.error as { message?: unknown; data?: { code?: unknown } } | undefined;
  return { status: response.status, code: error?.data?.code, message: String(error?.message ?? ""), created: rows.length > 0 };
}

/** A browser tab on one origin: it sends the page's Origin and keeps the cookies it is given. */
function browser(origin = APP_ORIGIN) {
  const jar = new CookieJar();
  const request = (path: string, init: { method?: string; body?: unknown; cookie?: string } = {}) => {
    const headers = new Headers({ origin });
    const cookie = init.cookie ?? jar.header();
    if (cookie) headers.set("cookie", cookie);
    if (init.body !== undefined) headers.set("content-type", "application/json");
    return new Request(new URL(path, origin), {
      method: init.method ?? (init.body === undefined ? "GET" : "POST"),
      headers,
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
  };
  return {
    jar,
    origin,
    request,
    /** Calls the auth route (POST) and keeps the cookies of the answer. */
    async auth(path: string, body: unknown = {}): Promise<Response> {
      const { POST } = await loadAuthRoute();
      const response = await POST(request(`/api/auth/${path}`, { body }));
      jar.store(response);
      return response;
    },
    /** The protected tRPC query `me` over the fetch adapter, with whatever cookie the tab has (or the one given). */
    async me(cookie?: string): Promise<{ status: number; body: Record<string, unknown> }> {
      const { GET } = await loadTrpcRoute();
      const response = await GET(request("/api/trpc/me", cookie === undefined ? {} : { cookie }));
      return { status: response.status, body: await readJson(response) };
    },
    /** A navigation to `path` as the proxy sees it. */
    async navigate(path: string, cookie = jar.header()): Promise<Response> {
      const { proxy } = await loadProxy();
      return proxy(new NextRequest(new URL(path, origin), { headers: cookie ? { cookie } : {} }));
    },
  };
}

function redirectTarget(response: Response): URL | undefined {
  const location = response.headers.get("location");
  return response.status >= 300 && response.status < 400 && location ? new URL(location, APP_ORIGIN) : undefined;
}

function dataOf(body: Record<string, unknown>): Record<string, unknown> | undefined {
  return (body.result as { data?: Record<string, unknown> } | undefined)?.data;
}

describe("bauth10 «Полный жизненный цикл»", () => {
  it("route.ts отдаёт Better Auth: GET /api/auth/ok через toNextJsHandler(auth) отвечает 200", async () => {
    const { GET } = await loadAuthRoute();
    const response = await GET(new Request(new URL("/api/auth/ok", APP_ORIGIN)));
    expect(response.status, `🚨 экспортируйте { GET, POST } = toNextJsHandler(auth) из ${ROUTE_AUTH}`).toBe(200);
  });

  it("весь путь пользователя: регистрация, вход, /dashboard, tRPC, истечение, повторный вход, выход", async () => {
    const tab = browser();
    const email = uniqueEmail("lifecycle");

    const signUp = await tab.auth("sign-up/email", { name: "Ольга", email, password: TEST_PASSWORD });
    expect(signUp.status, `🚨 регистрация через route.ts не прошла: ${JSON.stringify(await readJson(signUp))}`).toBe(200);

    const signIn = await tab.auth("sign-in/email", { email, password: TEST_PASSWORD });
    expect(signIn.status, `🚨 вход через route.ts не прошёл: ${JSON.stringify(await readJson(signIn))}`).toBe(200);
    const first = sessionCookie(signIn);
    expect(first, "🚨 вход должен выставить cookie сессии").toBeDefined();

    const pass = await tab.navigate("/dashboard");
    expect(redirectTarget(pass), "🚨 proxy не должен отправлять на /login пользователя с cookie сессии").toBeUndefined();

    const me = await tab.me();
    expect(me.status, `🚨 защищённый tRPC-запрос me с cookie должен пройти: ${JSON.stringify(me.body)}`).toBe(200);
    expect(dataOf(me.body)?.email, "🚨 me должен вернуть вошедшего пользователя").toBe(email);

    await lab.sql.query(`update sessions set expires_at = now() - interval '1 minute' where token = $1`, [tokenOf(first!)]);
    const expired = await tab.me();
    expect(expired.status, "🚨 после истечения сессии тот же tRPC-запрос должен получить 401 UNAUTHORIZED").toBe(401);
    const dashboard = await loadDashboard();
    await expect(
      dashboard.loadDashboard(new Headers({ cookie: tab.jar.header() })),
      "🚨 данные /dashboard защищает requireUser() на сервере: cookie истёкшей сессии не даёт пользователя",
    ).rejects.toMatchObject({ code: "UNAUTHORIZED" });

    const again = await tab.auth("sign-in/email", { email, password: TEST_PASSWORD });
    expect(again.status, "🚨 повторный вход должен пройти").toBe(200);
    const second = tab.jar.header();
    expect((await dashboard.loadDashboard(new Headers({ cookie: second }))).user?.email, "🚨 loadDashboard должен вернуть пользователя").toBe(
      email,
    );

    const signOut = await tab.auth("sign-out");
    expect(signOut.status, `🚨 выход через route.ts не прошёл: ${JSON.stringify(await readJson(signOut))}`).toBe(200);
    expect(tab.jar.names().filter((name) => name.endsWith(".session_token")), "🚨 выход должен стереть cookie сессии").toEqual([]);

    const bounced = redirectTarget(await tab.navigate("/dashboard"));
    expect(bounced?.pathname, "🚨 после выхода proxy должен отправлять /dashboard на /login").toBe("/login");
    expect((await tab.me()).status, "🚨 после выхода tRPC-запрос без cookie должен получить 401").toBe(401);
    expect((await tab.me(second)).status, "🚨 cookie, сохранённая до выхода, тоже больше не работает").toBe(401);
  });

  it("proxy охраняет только /dashboard: без cookie /dashboard и /dashboard/notes ведут на /login, а /login, / и /api/auth — нет", async () => {
    const { config } = await loadProxy();
    const tab = browser();
    for (const path of ["/dashboard", "/dashboard/notes"]) {
      expect(unstable_doesMiddlewareMatch({ config, url: path }), `🚨 config.matcher должен включать ${path}`).toBe(true);
      expect(redirectTarget(await tab.navigate(path, ""))?.pathname, `🚨 ${path} без cookie → редирект на /login`).toBe("/login");
    }
    for (const path of ["/login", "/", "/api/auth/get-session"]) {
      const runs = unstable_doesMiddlewareMatch({ config, url: path });
      const target = runs ? redirectTarget(await tab.navigate(path, "")) : undefined;
      expect(target?.pathname, `🚨 ${path} должен открываться без входа (иначе /login уйдёт в бесконечный редирект)`).toBeUndefined();
    }
  });

  it("в разработке (http://localhost) браузер сохраняет cookie сессии, и proxy её видит", async () => {
    const tab = browser();
    const email = uniqueEmail("dev");
    const response = await tab.auth("sign-up/email", { name: "Дэв", email, password: TEST_PASSWORD });
    const cookie = sessionCookie(response);
    expect(cookie, "🚨 регистрация должна выставить cookie сессии").toBeDefined();
    expect(browserRefusal(cookie!, APP_ORIGIN), `🚨 браузер отвергнет cookie «${cookie!.name}» на ${APP_ORIGIN}`).toBeUndefined();
    expect(redirectTarget(await tab.navigate("/dashboard")), "🚨 proxy должен узнать cookie, которую пишет Better Auth").toBeUndefined();
  });

  it("в production (https) cookie — __Secure-…session_token с Secure, HttpOnly, SameSite=Lax, Path=/, и proxy читает её", async () => {
    reload({ NODE_ENV: "production", BETTER_AUTH_URL: PRODUCTION_ORIGIN });
    const tab = browser(PRODUCTION_ORIGIN);
    const response = await tab.auth("sign-up/email", { name: "Прод", email: uniqueEmail("prod"), password: TEST_PASSWORD });
    expect(response.status, `🚨 регистрация в production-режиме не прошла: ${JSON.stringify(await readJson(response))}`).toBe(200);
    const cookie = sessionCookie(response)!;
    expect(cookie.name, "🚨 в production имя cookie начинается с __Secure- (его дописывает Better Auth при secure cookies)").toMatch(
      /^__(Secure|Host)-/,
    );
    expect(cookie.attributes.has("secure"), "🚨 в production cookie сессии должна иметь флаг Secure").toBe(true);
    expect(cookie.attributes.has("httponly"), "🚨 cookie сессии должна быть HttpOnly: скрипты страницы её не читают").toBe(true);
    expect(cookie.attributes.get("samesite")?.toLowerCase(), "🚨 cookie сессии должна быть SameSite=Lax").toBe("lax");
    expect(cookie.attributes.get("path"), "🚨 cookie сессии должна быть на Path=/").toBe("/");
    expect(browserRefusal(cookie, PRODUCTION_ORIGIN), "🚨 браузер отвергнет эту cookie").toBeUndefined();
    expect(
      redirectTarget(await tab.navigate("/dashboard")),
      "🚨 proxy должен читать то же имя, что пишет Better Auth, и в production (getSessionCookie с тем же префиксом)",
    ).toBeUndefined();
  });

  it("Secure у cookie следует схеме BETTER_AUTH_URL, а не NODE_ENV: https в тестовом режиме — Secure, http-стенд в production — без Secure", async () => {
    reload({ BETTER_AUTH_URL: PRODUCTION_ORIGIN });
    const staging = sessionCookie(await browser(PRODUCTION_ORIGIN).auth("sign-up/email", { name: "Стенд", email: uniqueEmail("https"), password: TEST_PASSWORD }));
    expect(staging, "🚨 регистрация на https-адресе должна выставить cookie сессии").toBeDefined();
    expect(
      staging!.attributes.has("secure"),
      "🚨 адрес приложения https, а cookie без Secure: выводите useSecureCookies из схемы BETTER_AUTH_URL, а не из NODE_ENV",
    ).toBe(true);

    const intranet = "http://intranet.example:3000";
    reload({ NODE_ENV: "production", BETTER_AUTH_URL: intranet });
    const internal = sessionCookie(await browser(intranet).auth("sign-up/email", { name: "Интранет", email: uniqueEmail("http"), password: TEST_PASSWORD }));
    expect(internal, "🚨 регистрация на http-адресе должна выставить cookie сессии").toBeDefined();
    expect(
      browserRefusal(internal!, intranet),
      "🚨 приложение работает по http, а cookie с Secure: браузер её не сохранит, и вход не удержится. " +
        "Secure и префикс __Secure- нужны, когда адрес https, а не когда NODE_ENV=production",
    ).toBeUndefined();
  });

  it("префикс cookie — одна константа SESSION_COOKIE_PREFIX: поменяйте её, и имя cookie, и proxy следуют за ней", async () => {
    const module = await lab.load<{ SESSION_COOKIE_PREFIX: string }>(COOKIES, { SESSION_COOKIE_PREFIX: "string" });
    const changed = `${module.SESSION_COOKIE_PREFIX}-renamed`;
    reload();
    vi.doMock(join(labDir("bauth10"), COOKIES), () => ({ SESSION_COOKIE_PREFIX: changed }));
    const tab = browser();
    const response = await tab.auth("sign-up/email", { name: "Кира", email: uniqueEmail("prefix"), password: TEST_PASSWORD });
    expect(
      sessionCookie(response)?.name.replace(/^__Secure-/, ""),
      `🚨 src/lib/auth.ts должен брать advanced.cookiePrefix из SESSION_COOKIE_PREFIX (${COOKIES}), а не из литерала`,
    ).toBe(`${changed}.session_token`);
    expect(
      redirectTarget(await tab.navigate("/dashboard")),
      "🚨 src/proxy.ts должен передавать в getSessionCookie импортированный SESSION_COOKIE_PREFIX, а не литерал: иначе при смене префикса все вошедшие станут «вышедшими»",
    ).toBeUndefined();
  });

  it("safeNext возвращает путь своего сайта: путь с запросом и якорем — как есть, полный адрес своего origin — его путём, без next — /dashboard", async () => {
    const safeNext = await loadSafeNext();
    const wrong = mismatches(safeNext, [
      ["/dashboard", "/dashboard"],
      ["/dashboard/notes?tab=all#new", "/dashboard/notes?tab=all#new"],
      [`${APP_ORIGIN}/dashboard/notes?tab=all`, "/dashboard/notes?tab=all"],
      ["", AFTER_SIGN_IN],
      [null, AFTER_SIGN_IN],
      [undefined, AFTER_SIGN_IN],
    ]);
    expect(
      wrong,
      `🚨 ${SAFE_NEXT}: адрес своего сайта разберите через new URL(next, appUrl) и верните pathname + search + hash; пустой next — ${AFTER_SIGN_IN}. ` +
        `Сейчас: ${wrong.join("; ")}`,
    ).toEqual([]);
  });

  it("safeNext не уводит с сайта: //, обратные слэши, табуляция и переводы строк, чужие и похожие адреса, javascript: и data: дают /dashboard", async () => {
    const safeNext = await loadSafeNext();
    // The main path first: a path of the site passes, so the refusals below mean something.
    expect(safeNext("/dashboard/notes", APP_ORIGIN), "🚨 путь своего сайта safeNext должна вернуть как есть").toBe("/dashboard/notes");
    const offSite = [
      "//evil.example",
      "//evil.example/dashboard",
      "/\\evil.example",
      "\\\\evil.example",
      "/\\/evil.example",
      "/\t/evil.example/",
      "/\n/evil.example/",
      "\t//evil.example",
      " //evil.example",
      "/.//evil.example",
      "/%2e//evil.example",
      "/..//evil.example",
      "https://evil.example/dashboard",
      "HTTP://EVIL.EXAMPLE",
      "http:\\\\evil.example",
      "http://localhost:3000@evil.example/",
      "http://localhost.evil.example/dashboard",
      "https://localhost:3000/dashboard/notes",
      "http://localhost:3001/dashboard/notes",
      "javascript:alert(document.cookie)",
      "JavaScript:alert(1)",
      "data:text/html,<script>alert(1)</script>",
    ];
    const wrong = mismatches(safeNext, offSite.map((next) => [next, AFTER_SIGN_IN] as const));
    expect(
      wrong,
      `🚨 ${SAFE_NEXT}: эти next уводят с сайта (или на другую схему и порт) и должны давать ${AFTER_SIGN_IN}. ` +
        "Сравнивайте origin после new URL(next, appUrl), а не строку: парсер выбрасывает табуляцию и читает \\ как /. " +
        `И не возвращайте путь, который начинается с //. Сейчас: ${wrong.join("; ")}`,
    ).toEqual([]);
    // Encoded forms are not decoded by the URL parser: returned or refused, they must stay on the site.
    for (const next of ["%2F%2Fevil.example", "/%2F%2Fevil.example", "/%5C%5Cevil.example", "/%09/evil.example"]) {
      const result = safeNext(next, APP_ORIGIN);
      expect(
        [result.startsWith("/") && !result.startsWith("//"), landsOn(result)],
        `🚨 safeNext(${JSON.stringify(next)}) = ${JSON.stringify(result)}: после входа браузер должен остаться на ${APP_ORIGIN}`,
      ).toEqual([true, APP_ORIGIN]);
    }
  });

  it("мутация tRPC с cookie из входа через route.ts: с чужого Origin — 403 и заметки нет, со своего Origin — заметка создана", async () => {
    const tab = browser();
    const signUp = await tab.auth("sign-up/email", { name: "Вера", email: uniqueEmail("csrf"), password: TEST_PASSWORD });
    expect(signUp.status, `🚨 регистрация через route.ts не прошла: ${JSON.stringify(await readJson(signUp))}`).toBe(200);
    const cookie = tab.jar.header();

    const own = await createNoteFrom(APP_ORIGIN, cookie, `своя-${randomUUID()}`);
    expect([own.status, own.created], "🚨 notes.create со своей страницы (Origin приложения) должен создать заметку").toEqual([200, true]);

    // The attacker's page: a fetch with JSON, and a form-like text/plain post that needs no preflight.
    for (const contentType of ["application/json", "text/plain"]) {
      const forged = await createNoteFrom(FOREIGN_ORIGIN, cookie, `чужая-${randomUUID()}`, contentType);
      expect(forged.created, `🚨 POST с ${FOREIGN_ORIGIN} (${contentType}) и cookie жертвы создал заметку: route.ts tRPC должен проверять Origin`).toBe(false);
      expect([forged.status, forged.code], `🚨 POST с чужого Origin (${contentType}) — 403 FORBIDDEN`).toEqual([403, "FORBIDDEN"]);
      expect(forged.message, "🚨 отказ объясняется по-русски").toMatch(/[А-Яа-яЁё]/);
    }
  });
});

// Next.js's runtime puts AsyncLocalStorage on globalThis before anything else; its testing helpers rely on it.
import "next/dist/server/node-environment-baseline.js";
import { randomBytes } from "node:crypto";
import type { Auth, BetterAuthOptions } from "better-auth";
import { unstable_doesMiddlewareMatch } from "next/experimental/testing/server";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { appRequest, readJson } from "./support/http.ts";
import { importLabFile, LabError, shownPath } from "./support/lab.ts";
import { APP_ORIGIN, setupLab, type LabEnvironment } from "./support/lab-environment.ts";
import { openSession } from "./support/sessions.ts";
import { uniqueEmail } from "./support/users.ts";

const PRODUCTION_ORIGIN = "https://app.example.ru";
const PROXY = "src/proxy.ts";
const CYRILLIC = /[А-Яа-яЁё]/;

type RouteHandler = (request: Request) => Promise<Response>;
type Proxy = (request: NextRequest) => Response | Promise<Response>;
type PreShipProblems = (options: BetterAuthOptions, env?: NodeJS.ProcessEnv) => string[];

let lab: LabEnvironment;

beforeAll(async () => {
  lab = await setupLab("bauth15");
  // Next.js's route and proxy modules are large. Loading them once here, under the hook's longer
  // limit, keeps a test that runs alone on a slow machine from spending its own time limit on the
  // import. A module that fails to load fails again, with its message, in the tests that use it.
  await Promise.allSettled([loadAuthRoute(), loadTrpcRoute(), loadProxy()]);
});

const loadAuth = () => lab.load<{ auth: Auth }>("src/lib/auth.ts", { auth: "object" });
async function loadAuthRoute() {
  // Registered so the harness closes this module graph's pool before it drops the database.
  await lab.load<{ pool: object }>("src/db/index.ts", { pool: "object" });
  return lab.load<{ POST: RouteHandler }>("src/app/api/auth/[...all]/route.ts", { POST: "function" });
}
const loadTrpcRoute = () => lab.load<{ POST: RouteHandler }>("src/app/api/trpc/[trpc]/route.ts", { POST: "function" });
const loadPreShip = async () => (await lab.load<{ preShipProblems: PreShipProblems }>("src/lib/pre-ship.ts", { preShipProblems: "function" })).preShipProblems;
const loadSafeNext = async () =>
  (await lab.load<{ safeNext: (next: string | null | undefined, appUrl: string) => string }>("src/lib/safe-next.ts", { safeNext: "function" })).safeNext;

/** Next.js 16 takes the proxy as a named `proxy` export or as the file's default export: both are right. */
async function loadProxy(): Promise<{ proxy: Proxy; config: { matcher?: string | string[] | object[] } }> {
  const { config } = await lab.load<{ config: { matcher?: string | string[] | object[] } }>(PROXY, { config: "object" });
  const module = await importLabFile("bauth15", PROXY);
  const proxy = typeof module.proxy === "function" ? module.proxy : module.default;
  if (typeof proxy !== "function") {
    throw new LabError(`bauth15: ${shownPath("bauth15", PROXY)}: ожидается функция proxy — export function proxy(…) или export default function, но её нет.`);
  }
  return { proxy: proxy as Proxy, config };
}

/** A request for `path` as the proxy sees it; the proxy must run there at all (config.matcher). */
async function throughProxy(path: string, init: { origin?: string; cookie?: string; method?: string } = {}): Promise<Response> {
  const { proxy, config } = await loadProxy();
  expect(unstable_doesMiddlewareMatch({ config, url: path }), `🚨 config.matcher в ${PROXY} должен включать ${path}: иначе ответ уйдёт без заголовков безопасности`).toBe(true);
  const headers: Record<string, string> = init.cookie ? { cookie: init.cookie } : {};
  return proxy(new NextRequest(new URL(path, init.origin ?? APP_ORIGIN), { headers, method: init.method ?? "GET" }));
}

/** The security headers every response must carry, as one list of what is missing. */
function missingHeaders(response: Response): string[] {
  const problems: string[] = [];
  const csp = response.headers.get("content-security-policy") ?? "";
  if (!/(^|;)\s*frame-ancestors\s+'none'\s*(;|$)/i.test(csp)) problems.push(`Content-Security-Policy с frame-ancestors 'none' (сейчас «${csp}»)`);
  if (!/(^|;)\s*(default-src|script-src)\s/i.test(csp)) problems.push("в CSP — default-src или script-src, откуда можно грузить скрипты");
  if (response.headers.get("x-content-type-options")?.toLowerCase() !== "nosniff") problems.push("X-Content-Type-Options: nosniff");
  const referrer = response.headers.get("referrer-policy")?.toLowerCase() ?? "";
  if (!["no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin"].includes(referrer)) {
    problems.push(`Referrer-Policy, которая не отдаёт чужим сайтам полный адрес (сейчас «${referrer}»)`);
  }
  return problems;
}

const CLEARED = ['"cache"', '"cookies"', '"storage"'];

/** The Clear-Site-Data directives among the three this lab asks for, sorted. */
function clearedData(headers: Headers): string[] {
  const directives = (headers.get("clear-site-data") ?? "").split(",").map((part) => part.trim());
  return CLEARED.filter((directive) => directives.includes(directive));
}

function redirectTarget(response: Response): URL | undefined {
  const location = response.headers.get("location");
  return response.status >= 300 && response.status < 400 && location ? new URL(location, APP_ORIGIN) : undefined;
}

/** A user written straight to `users` (no password: the tests open sessions without a sign-in). */
async function someUser(): Promise<string> {
  const { rows } = await lab.sql.query<{ id: string }>(`insert into users (name, email, email_verified) values ('Вера', $1, true) returning id`, [uniqueEmail("browser")]);
  return rows[0]!.id;
}

/** The reference options in production (https), with `change` applied on top. */
async function productionOptions(change: (options: BetterAuthOptions) => BetterAuthOptions = (options) => options): Promise<BetterAuthOptions> {
  lab.reloadWith({ NODE_ENV: "production", BETTER_AUTH_URL: PRODUCTION_ORIGIN });
  return change((await loadAuth()).auth.options as BetterAuthOptions);
}

describe("bauth15 «Браузер и деплой»", () => {
  it("proxy ставит заголовки безопасности на страницах, на /login и на API: CSP с frame-ancestors 'none', nosniff, Referrer-Policy", async () => {
    for (const path of ["/", "/login", "/api/auth/get-session", "/api/trpc/me"]) {
      const response = await throughProxy(path);
      expect(redirectTarget(response), `🚨 ${path} должен открываться без входа`).toBeUndefined();
      expect(missingHeaders(response), `🚨 ответ на ${path}: не хватает заголовков`).toEqual([]);
    }
  });

  it("редирект на /login несёт заголовки безопасности, а next остаётся путём своего сайта (safeNext)", async () => {
    const response = await throughProxy("/dashboard/notes");
    const target = redirectTarget(response);
    expect(target?.pathname, "🚨 /dashboard без cookie по-прежнему ведёт на /login").toBe("/login");
    expect(missingHeaders(response), "🚨 у редиректа на /login не хватает заголовков").toEqual([]);
    const safeNext = await loadSafeNext();
    expect(safeNext(target!.searchParams.get("next"), APP_ORIGIN), "🚨 safeNext возвращает путь своего сайта как есть").toBe("/dashboard/notes");
    for (const next of ["//evil.example", "/\\evil.example", "https://evil.example/dashboard", "javascript:alert(1)"]) {
      expect(safeNext(next, APP_ORIGIN), `🚨 safeNext(${JSON.stringify(next)}) должен вести на /dashboard, а не на чужой сайт`).toBe("/dashboard");
    }
  });

  it("Strict-Transport-Security — только по https: при BETTER_AUTH_URL=https://… max-age не меньше года, по http его нет", async () => {
    const plain = await throughProxy("/login");
    expect(plain.headers.get("strict-transport-security"), "🚨 по http HSTS не отправляют: браузер его проигнорирует, а стенд на http://localhost он бы сломал").toBeNull();
    expect(missingHeaders(plain), "🚨 по http остальные заголовки нужны так же").toEqual([]);

    lab.reloadWith({ NODE_ENV: "production", BETTER_AUTH_URL: PRODUCTION_ORIGIN });
    const secure = await throughProxy("/login", { origin: PRODUCTION_ORIGIN });
    const hsts = secure.headers.get("strict-transport-security") ?? "";
    const maxAge = Number(/max-age=(\d+)/i.exec(hsts)?.[1] ?? 0);
    expect(maxAge, `🚨 по https нужен Strict-Transport-Security с max-age ≥ 31536000 (сейчас «${hsts}»)`).toBeGreaterThanOrEqual(31_536_000);
    expect(missingHeaders(secure), "🚨 по https не хватает заголовков").toEqual([]);
  });

  it("выход через route.ts отвечает Clear-Site-Data со значениями cache, cookies и storage (каждое в кавычках) и удаляет сессию; с чужого Origin — отказ без Clear-Site-Data", async () => {
    const { auth } = await loadAuth();
    const session = await openSession(auth as never, await someUser());
    const { POST } = await loadAuthRoute();

    const forged = await POST(appRequest("/api/auth/sign-out", { body: {}, cookie: session.cookie, origin: "http://evil.example" }));
    expect(forged.status, "🚨 выход с чужого Origin Better Auth отклоняет (403)").toBe(403);
    expect(forged.headers.get("clear-site-data"), "🚨 отклонённый выход ничего не меняет — и данные сайта не стирает").toBeNull();

    const response = await POST(appRequest("/api/auth/sign-out", { body: {}, cookie: session.cookie }));
    expect(response.status, `🚨 выход должен пройти: ${JSON.stringify(await readJson(response))}`).toBe(200);
    expect(clearedData(response.headers), `🚨 Clear-Site-Data должен назвать "cache", "cookies", "storage" — в кавычках (сейчас «${response.headers.get("clear-site-data")}»)`).toEqual(CLEARED);
    const { rowCount } = await lab.sql.query(`select 1 from sessions where token = $1`, [session.token]);
    expect(rowCount, "🚨 после выхода строки сессии в базе быть не должно").toBe(0);
  });

  it("auth.api.signOut — тот же путь: Clear-Site-Data ставит хук Better Auth, а не только route.ts", async () => {
    const { auth } = await loadAuth();
    const session = await openSession(auth as never, await someUser());
    const { headers } = await auth.api.signOut({ headers: session.headers, returnHeaders: true });
    expect(clearedData(headers), "🚨 auth.api.signOut тоже должен вернуть Clear-Site-Data: поставьте его в хуке after для /sign-out").toEqual(CLEARED);
  });

  it("мутация tRPC с чужого Origin по-прежнему получает 403, и proxy пропускает её к route.ts с заголовками безопасности", async () => {
    const { auth } = await loadAuth();
    const session = await openSession(auth as never, await someUser());
    const passed = await throughProxy("/api/trpc/notes.create", { method: "POST", cookie: session.cookie });
    expect(redirectTarget(passed), "🚨 proxy не должен перенаправлять API").toBeUndefined();
    expect(missingHeaders(passed), "🚨 ответ API тоже должен нести заголовки безопасности").toEqual([]);

    const { POST } = await loadTrpcRoute();
    const title = `чужая-${randomBytes(4).toString("hex")}`;
    const headers = { origin: "http://evil.example", cookie: session.cookie, "content-type": "application/json" };
    const response = await POST(new Request(new URL("/api/trpc/notes.create", APP_ORIGIN), { method: "POST", headers, body: JSON.stringify({ title }) }));
    expect(response.status, "🚨 мутация tRPC с чужого Origin — 403 (src/server/same-origin.ts)").toBe(403);
    const { rowCount } = await lab.sql.query(`select 1 from notes where title = $1`, [title]);
    expect(rowCount, "🚨 заметка с чужого Origin не должна появиться").toBe(0);
  });

  it("preShipProblems: эталонная настройка в production (https, секрет из окружения) — пустой список", async () => {
    const preShipProblems = await loadPreShip();
    const options = await productionOptions();
    expect(preShipProblems(options), "🚨 для настройки из src/lib/auth.ts при BETTER_AUTH_URL=https://… проблем быть не должно").toEqual([]);
  });

  const broken: [string, RegExp, (options: BetterAuthOptions) => BetterAuthOptions][] = [
    ["baseURL по http", /baseURL|BETTER_AUTH_URL|https/, (o) => ({ ...o, baseURL: "http://app.example.ru", advanced: { ...o.advanced, useSecureCookies: undefined } })],
    ["useSecureCookies: false при https", /useSecureCookies|__Secure-/, (o) => ({ ...o, advanced: { ...o.advanced, useSecureCookies: false } })],
    ["секрет записан в коде", /secret/i, (o) => ({ ...o, secrets: [{ version: 1, value: randomBytes(32).toString("base64") }] })],
    ["rateLimit в памяти", /rateLimit/, (o) => ({ ...o, rateLimit: { ...o.rateLimit, storage: "memory" } })],
    ["rateLimit выключен", /rateLimit/, (o) => ({ ...o, rateLimit: { ...o.rateLimit, enabled: false } })],
    ["trustedOrigins не заданы", /trustedOrigins/, (o) => ({ ...o, trustedOrigins: undefined })],
    ["advanced.disableCSRFCheck: true", /disableCSRFCheck/, (o) => ({ ...o, advanced: { ...o.advanced, disableCSRFCheck: true } })],
    ["advanced.disableOriginCheck: true", /disableOriginCheck/, (o) => ({ ...o, advanced: { ...o.advanced, disableOriginCheck: true } })],
  ];

  it("preShipProblems находит каждую ошибку по отдельности и называет опцию по-русски", async () => {
    const preShipProblems = await loadPreShip();
    const misses: string[] = [];
    for (const [label, names, change] of broken) {
      const problems = preShipProblems(await productionOptions(change));
      if (!problems.some((problem) => names.test(problem) && CYRILLIC.test(problem))) {
        misses.push(`${label}: ожидается русская строка с ${names} — получено ${JSON.stringify(problems)}`);
      }
    }
    expect(misses, "🚨 preShipProblems пропускает ошибки настройки").toEqual([]);
  });

  it("preShipProblems проверяет окружение: без BETTER_AUTH_SECRET(S) в нём секрет считается записанным в коде", async () => {
    const preShipProblems = await loadPreShip();
    const options = await productionOptions();
    const env = { ...process.env, BETTER_AUTH_SECRET: undefined, BETTER_AUTH_SECRETS: undefined };
    const problems = preShipProblems(options, env);
    expect(problems.some((problem) => /secret/i.test(problem) && CYRILLIC.test(problem)), `🚨 секрета нет в переданном env — нужна русская строка о secret, а получено ${JSON.stringify(problems)}`).toBe(true);
  });
});

import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { APP_ORIGIN, setupLab, type LabEnvironment } from "./support/lab-environment.ts";
import { importLabFile, LabError, shownPath } from "./support/lab.ts";
import { readJson, sessionCookie, setCookieHeaders, tokenOf, type AuthHandler } from "./support/http.ts";
import { signUpUser, uniqueEmail, type TestUser } from "./support/users.ts";

// The contract of labs/bauth12, as its README states it.
type SignInResult =
  | { ok: true; user: { id: string; email: string; name: string }; setCookie: string[] }
  | { ok: false; code: string; message: string };
type SignIn = (input: { email: string; password: string }, headers: Headers) => Promise<SignInResult>;
type RouteHandler = (request: Request) => Promise<Response>;

const LAB = "bauth12";
const RATE_LIMIT = "src/lib/rate-limit.ts";
const SIGN_IN_PATH = "/api/auth/sign-in/email";
/** The header the app's reverse proxy sets to the client's address, overwriting what the client sent. */
const PROXY_IP_HEADER = "x-real-ip";
const INVALID = { ok: false, code: "INVALID_EMAIL_OR_PASSWORD", message: "Неверный email или пароль." };
const REFUSAL = /^Слишком много попыток входа\. Повторите через (\d+) с\.$/;

let lab: LabEnvironment;
let user: TestUser;
let lastOctet = 0;

beforeAll(async () => {
  lab = await setupLab(LAB);
  // One account for the whole file. Each test attacks from its own address, so no test sees another's counter.
  const { auth } = await lab.load<{ auth: AuthHandler }>("src/lib/auth.ts", { auth: "object" });
  user = await signUpUser(auth, { email: uniqueEmail("owner"), name: "Владелец" });
});

/** A client address of this file's own, different in every test (TEST-NET-3, RFC 5737). */
function nextClientIp(): string {
  lastOctet += 1;
  return `203.0.113.${lastOctet}`;
}

/**
 * The headers of a request as the app receives it behind its reverse proxy: the proxy has
 * written the client's real address into X-Real-IP; X-Forwarded-For is whatever the client typed.
 */
function viaProxy(clientIp: string, forwardedFor?: string): Headers {
  const headers = new Headers({ [PROXY_IP_HEADER]: clientIp, "user-agent": "Mozilla/5.0 bauth12-autocheck" });
  if (forwardedFor !== undefined) headers.set("x-forwarded-for", forwardedFor);
  return headers;
}

async function loadLimits(): Promise<{ max: number; window: number }> {
  const module = await importLabFile(LAB, RATE_LIMIT);
  const max = module.SIGN_IN_MAX_ATTEMPTS;
  const window = module.SIGN_IN_WINDOW_SECONDS;
  const where = `${LAB}: ${shownPath(LAB, RATE_LIMIT)}`;
  if (typeof max !== "number" || !Number.isInteger(max) || max < 3 || max > 10) {
    throw new LabError(`${where}: SIGN_IN_MAX_ATTEMPTS должен быть целым числом от 3 до 10, а сейчас ${JSON.stringify(max)}.`);
  }
  if (typeof window !== "number" || !Number.isInteger(window) || window < 60 || window > 3600) {
    throw new LabError(`${where}: SIGN_IN_WINDOW_SECONDS должен быть целым числом секунд от 60 до 3600, а сейчас ${JSON.stringify(window)}.`);
  }
  return { max, window };
}

async function signIn(password: string, headers: Headers, email = user.email): Promise<SignInResult> {
  const { signIn } = await lab.load<{ signIn: SignIn }>("src/server/auth/sign-in.ts", { signIn: "function" });
  return signIn({ email, password }, headers);
}

const wrongPassword = (headers: Headers) => signIn("wrong-password-123", headers);
const rightPassword = (headers: Headers) => signIn(user.password, headers);

/**
 * Runs `call` while every statement that reads `table` fails in PostgreSQL itself (a division by
 * zero sent instead): a real database error in the middle of a request, not an API refusal.
 */
async function failingQueriesOn<T>(table: string, call: () => Promise<T>): Promise<T> {
  const prototype = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const query = prototype.query;
  const reads = new RegExp(`from "?${table}"?[\\s;]`, "i");
  prototype.query = function (this: unknown, ...args: unknown[]) {
    const [first, ...rest] = args;
    const text = typeof first === "string" ? first : (first as { text?: unknown } | null)?.text;
    if (typeof text !== "string" || !reads.test(`${text} `)) return query.apply(this, args);
    const broken = typeof first === "string" ? "select 1/0" : { ...(first as object), text: "select 1/0", values: [] };
    // Positional values, if any, belong to the replaced statement.
    return query.apply(this, [broken, ...rest.filter((arg) => typeof arg === "function")]);
  };
  try {
    return await call();
  } finally {
    prototype.query = query;
  }
}

/** The counter rows of one client address: Better Auth keys them "<address>|<path>". */
const ROWS_OF = `key like $1 || '|%'`;

/**
 * Brings an address to the limit: one real attempt writes its counter row, then the database
 * says the other attempts were made too (cheaper than that many scrypt checks). A malformed
 * email is an attempt like any other for the limiter, and it costs no hashing.
 */
async function lockOut(clientIp: string, forwardedFor?: string): Promise<{ max: number; window: number }> {
  const limits = await loadLimits();
  const first = await signIn("any-password-123", viaProxy(clientIp, forwardedFor), "not-an-email");
  expect(first, "🚨 попытка войти с некорректным email — обычный отказ «Неверный email или пароль»").toMatchObject(INVALID);
  const { rowCount } = await lab.sql.query(`update rate_limits set count = $2 where ${ROWS_OF}`, [clientIp, limits.max]).catch((error: unknown) => {
    throw new LabError(`${LAB}: таблица rate_limits недоступна (${String(error)}): опишите её в src/db/schema.ts и сгенерируйте миграцию.`);
  });
  expect(
    rowCount,
    `🚨 после попытки входа с ${PROXY_IP_HEADER}: ${clientIp} в таблице rate_limits нет строки этого адреса (key «${clientIp}|/sign-in/email»). ` +
      "Ограничитель должен хранить счётчики в базе (storage: \"database\"), signIn — идти через auth.handler с заголовками запроса, " +
      `а адрес клиента — браться из ${PROXY_IP_HEADER} (advanced.ipAddress)`,
  ).toBe(1);
  return limits;
}

function expectRefused(result: SignInResult, what: string): void {
  expect(result, `🚨 ${what}: signIn должен вернуть { ok: false, code: "TOO_MANY_REQUESTS", … }, а вернул ${JSON.stringify(result)}`).toMatchObject({
    ok: false,
    code: "TOO_MANY_REQUESTS",
  });
}

describe(`${LAB} «Перебор паролей»`, () => {
  it("миграция создаёт таблицу rate_limits: key — уникальный text, count — integer, last_request — bigint (миллисекунды)", async () => {
    const { rows } = await lab.sql.query<{ column_name: string; data_type: string; is_nullable: string }>(
      `select column_name, data_type, is_nullable from information_schema.columns where table_name = 'rate_limits'`,
    );
    const columns = Object.fromEntries(rows.map((row) => [row.column_name, `${row.data_type}${row.is_nullable === "NO" ? " not null" : ""}`]));
    expect(
      columns,
      `🚨 нужна таблица rate_limits (описание в src/db/schema.ts, миграция: npm run db:generate -- ${LAB} --name rate_limits); сейчас её столбцы: ${JSON.stringify(columns)}`,
    ).toMatchObject({ key: "text not null", count: "integer not null", last_request: "bigint not null" });
    const { rows: unique } = await lab.sql.query(
      `select 1 from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
       where i.indrelid = 'rate_limits'::regclass and i.indisunique and i.indnatts = 1 and a.attname = 'key'`,
    );
    expect(unique.length, "🚨 key в rate_limits должен быть уникальным (.unique()): по нему ограничитель ищет счётчик").toBeGreaterThan(0);
  });

  it("после SIGN_IN_MAX_ATTEMPTS неверных паролей верный пароль с того же адреса отклонён, пока окно не прошло, а после окна входит", async () => {
    const { max, window } = await loadLimits();
    const ip = nextClientIp();
    for (let attempt = 1; attempt <= max; attempt++) {
      expect(
        await wrongPassword(viaProxy(ip)),
        `🚨 неверный пароль, попытка ${attempt} из ${max}: ожидается обычный отказ «Неверный email или пароль» — лимит не должен срабатывать раньше SIGN_IN_MAX_ATTEMPTS ` +
          `(правило для пути "/sign-in/email" в rateLimit.customRules)`,
      ).toMatchObject(INVALID);
    }
    expectRefused(
      await rightPassword(viaProxy(ip)),
      `верный пароль сразу после ${max} неверных с того же адреса (включите rateLimit и пустите signIn через auth.handler: auth.api.* ограничитель пропускает)`,
    );

    // The window passes: the counter's last request moves back by the whole window, in the database.
    await lab.sql.query(`update rate_limits set last_request = last_request - $2 where ${ROWS_OF}`, [ip, window * 1000]);
    const after = await rightPassword(viaProxy(ip));
    expect(after, `🚨 когда окно SIGN_IN_WINDOW_SECONDS прошло, верный пароль должен снова входить, а signIn вернул ${JSON.stringify(after)}`).toMatchObject({
      ok: true,
    });
    const cookie = after.ok ? sessionCookie(setCookieHeaders(after.setCookie)) : undefined;
    expect(cookie, "🚨 успешный вход возвращает в setCookie cookie сессии (заголовки Set-Cookie ответа auth.handler)").toBeDefined();
    const { rows } = await lab.sql.query<{ ip_address: string | null }>(`select ip_address from sessions where token = $1`, [tokenOf(cookie!)]);
    expect(rows[0]?.ip_address, `🚨 в сессии должен быть записан адрес клиента из ${PROXY_IP_HEADER}`).toBe(ip);
  });

  it("смена X-Forwarded-For не сбрасывает счётчик: адрес клиента берётся только из заголовка прокси X-Real-IP", async () => {
    const ip = nextClientIp();
    await lockOut(ip, "198.51.100.1");
    for (const forwardedFor of ["198.51.100.2", "198.51.100.3"]) {
      expectRefused(await rightPassword(viaProxy(ip, forwardedFor)), `тот же клиент с новым X-Forwarded-For: ${forwardedFor}`);
    }
  });

  it("блокировка касается только адреса атакующего: владелец аккаунта с другого адреса входит сразу", async () => {
    await lockOut(nextClientIp());
    const owner = await rightPassword(viaProxy(nextClientIp()));
    expect(
      owner,
      `🚨 вход того же пользователя с другого адреса должен пройти, а signIn вернул ${JSON.stringify(owner)}. ` +
        "Счётчик считается на адрес клиента: один общий счётчик на всех дал бы атакующему запереть вход каждому",
    ).toMatchObject({ ok: true });
  });

  it("счётчик живёт в базе: переживает перезапуск (новый экземпляр auth, та же база, production), HTTP-маршрут отвечает 429 с X-Retry-After, а сбой базы signIn не выдаёт за отказ", async () => {
    const ip = nextClientIp();
    await lockOut(ip);
    // A restart: the lab's modules are evaluated again (a new pool, a new Better Auth instance), the database stays.
    lab.reloadWith({ NODE_ENV: "production" });
    expectRefused(await rightPassword(viaProxy(ip)), "верный пароль после перезапуска приложения в production-режиме");

    const { POST } = await lab.load<{ POST: RouteHandler }>("src/app/api/auth/[...all]/route.ts", { POST: "function" });
    const headers = viaProxy(ip);
    headers.set("origin", APP_ORIGIN);
    headers.set("content-type", "application/json");
    const body = JSON.stringify({ email: user.email, password: user.password });
    const response = await POST(new Request(new URL(SIGN_IN_PATH, APP_ORIGIN), { method: "POST", headers, body }));
    expect(response.status, `🚨 POST ${SIGN_IN_PATH} с заблокированного адреса должен получить 429: ${JSON.stringify(await readJson(response))}`).toBe(429);
    expect(response.headers.get("x-retry-after"), "🚨 ответ 429 Better Auth несёт X-Retry-After — через сколько секунд повторить").toMatch(/^\d+$/);

    // A database failure after the limiter has let the request through: the users lookup fails in PostgreSQL.
    const outcome = await failingQueriesOn("users", () => rightPassword(viaProxy(nextClientIp()))).then(
      (result) => ({ resolved: true, result }),
      () => ({ resolved: false, result: undefined }),
    );
    expect(
      outcome,
      `🚨 когда запрос к базе упал, signIn вернул ${JSON.stringify(outcome.result)}. Ответ 500 обработчика — сбой сервера, а не отказ пользователю: бросайте исключение`,
    ).toMatchObject({ resolved: false });
  });

  it("отказ по-русски называет время ожидания, которое посчитал ограничитель: «Слишком много попыток входа. Повторите через N с.»", async () => {
    const ip = nextClientIp();
    const { window } = await lockOut(ip);
    // 42.5 s of the window are left: the limiter's N is ceil(time left), whatever the window is.
    const lastRequest = Date.now() - (window - 42.5) * 1000;
    await lab.sql.query(`update rate_limits set last_request = $2 where ${ROWS_OF}`, [ip, Math.round(lastRequest)]);
    const before = Date.now();
    const result = await rightPassword(viaProxy(ip));
    const after = Date.now();
    expectRefused(result, "верный пароль с заблокированного адреса");
    const shown = REFUSAL.exec(result.ok ? "" : result.message);
    expect(shown, `🚨 сообщение должно быть ровно «Слишком много попыток входа. Повторите через N с.», а оно: ${JSON.stringify(result)}`).not.toBeNull();
    // Better Auth computes N at some moment between `before` and `after`.
    const [latest, earliest] = [before, after].map((now) => Math.ceil((Math.round(lastRequest) + window * 1000 - now) / 1000));
    expect(
      Number(shown![1]),
      `🚨 N должно быть тем, что ответил ограничитель (заголовок X-Retry-After ответа 429): здесь ${earliest}–${latest} с, а не окно целиком`,
    ).toSatisfy((seconds: number) => seconds >= earliest! && seconds <= latest!);
  });
});

import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { describeError } from "./support/errors.ts";
import { appRequest, readJson, sessionCookie, signedCookieValue, tokenOf, type AuthHandler } from "./support/http.ts";
import { REPO_ROOT } from "./support/lab.ts";
import { APP_ORIGIN, setupLab, type LabEnvironment } from "./support/lab-environment.ts";

const AUTH_FILE = "src/lib/auth.ts";
const ENV_FILE = "src/lib/env.ts";
/** 32 characters, no repeats, no runs: the shortest secret the contract accepts. */
const DIVERSE_32 = "Q7f$kP2xZ9mW4vT1bN8cR6yH3jL5dS0g";
const HOW_TO_GENERATE = /openssl rand/;
let lab: LabEnvironment;

beforeAll(async () => {
  // bauth01 has no database yet: Better Auth keeps users in memory.
  lab = await setupLab("bauth01", { database: false });
});

type ReadAuthSecret = (env: NodeJS.ProcessEnv) => string;

function loadAuth(): Promise<{ auth: AuthHandler }> {
  return lab.load<{ auth: AuthHandler }>(AUTH_FILE, { auth: "object" });
}

async function loadReadAuthSecret(): Promise<ReadAuthSecret> {
  return (await lab.load<{ readAuthSecret: ReadAuthSecret }>(ENV_FILE, { readAuthSecret: "function" })).readAuthSecret;
}

async function signUpAndGetCookie(auth: AuthHandler, origin = APP_ORIGIN) {
  const response = await auth.handler(
    appRequest(`${origin}/api/auth/sign-up/email`, {
      origin,
      body: { name: "Анна", email: `anna-${randomBytes(3).toString("hex")}@example.ru`, password: "correct-horse-battery" },
    }),
  );
  expect(response.status, `🚨 регистрация не прошла: ${JSON.stringify(await readJson(response))}. Включён ли emailAndPassword?`).toBe(200);
  const cookie = sessionCookie(response);
  expect(cookie, "🚨 после регистрации Better Auth должен выставить cookie сессии").toBeDefined();
  return cookie!;
}

/** How readAuthSecret treats one value: the value it returned, or the message it threw. */
function verdict(readAuthSecret: ReadAuthSecret, secret: string | undefined): { returned: unknown } | { message: string } {
  try {
    return { returned: readAuthSecret(secret === undefined ? {} : { BETTER_AUTH_SECRET: secret }) };
  } catch (error) {
    return { message: describeError(error) };
  }
}

/** Shows a value in a message without flooding it: whitespace made visible, long values cut. */
function shown(secret: string | undefined): string {
  if (secret === undefined) return "(переменная не задана)";
  const visible = JSON.stringify(secret);
  return visible.length > 40 ? `${visible.slice(0, 24)}…" (${secret.length} символов)` : visible;
}

function expectAccepted(readAuthSecret: ReadAuthSecret, secret: string, what: string): void {
  const result = verdict(readAuthSecret, secret);
  expect("message" in result ? result.message : undefined, `🚨 readAuthSecret отклонил ${what} ${shown(secret)}: такой секрет допустим`).toBeUndefined();
  expect("returned" in result && result.returned, `🚨 readAuthSecret должен вернуть секрет без изменений (${what})`).toBe(secret);
}

function expectRejected(readAuthSecret: ReadAuthSecret, secret: string | undefined, why: string): void {
  const result = verdict(readAuthSecret, secret);
  const message = "message" in result ? result.message : undefined;
  expect(message, `🚨 readAuthSecret принял ${shown(secret)}, а должен бросить Error: ${why}`).toBeDefined();
  expect(message, `🚨 сообщение об ошибке (${why}) должно называть переменную BETTER_AUTH_SECRET`).toMatch(/BETTER_AUTH_SECRET/);
  expect(message, `🚨 сообщение об ошибке (${why}) должно подсказывать, как получить секрет: openssl rand -base64 32`).toMatch(
    HOW_TO_GENERATE,
  );
  const core = secret?.trim() ?? "";
  if (core.length >= 8) {
    expect(message!.includes(core), `🚨 сообщение об ошибке не должно повторять сам секрет (${why}): сообщения попадают в логи`).toBe(false);
  }
}

/** The BETTER_AUTH_SECRET value a student gets by copying .env.example to .env ("" when it has none). */
function envExampleSecret(): string {
  const file = join(REPO_ROOT, ".env.example");
  if (!existsSync(file)) return "";
  const line = readFileSync(file, "utf8")
    .split("\n")
    .find((text) => /^\s*BETTER_AUTH_SECRET\s*=/.test(text));
  return (line?.split("=").slice(1).join("=") ?? "").trim().replace(/^(["'])(.*)\1$/, "$2");
}

describe("bauth01 «Инициализация Better Auth»", () => {
  it("экспортирует auth: обработчик отвечает на /api/auth/ok, а регистрация по email и паролю выставляет cookie сессии", async () => {
    const { auth } = await loadAuth();
    const response = await auth.handler(appRequest("/api/auth/ok"));
    expect(response.status, "🚨 GET /api/auth/ok должен отвечать 200").toBe(200);
    expect(await readJson(response), "🚨 GET /api/auth/ok должен отвечать {\"ok\":true}").toEqual({ ok: true });
    const cookie = await signUpAndGetCookie(auth);
    // Over plain http a browser would drop a Secure cookie: only an https BETTER_AUTH_URL may make it Secure.
    expect(cookie.attributes.has("secure"), `🚨 при BETTER_AUTH_URL=${APP_ORIGIN} cookie не должна быть Secure: baseURL должен идти из readAppUrl()`).toBe(
      false,
    );
  });

  it("подписывает cookie секретом из BETTER_AUTH_SECRET, а не секретом, зашитым в код", async () => {
    // A fresh random secret: no value written into the code can match it.
    const secret = randomBytes(32).toString("base64url");
    lab.reloadWith({ BETTER_AUTH_SECRET: secret });
    const cookie = await signUpAndGetCookie((await loadAuth()).auth);
    expect(cookie.value, "🚨 подпись cookie должна быть HMAC токена на секрете из BETTER_AUTH_SECRET: передайте secret: readAuthSecret()").toBe(
      signedCookieValue(tokenOf(cookie), secret),
    );
  });

  it("берёт адрес приложения из BETTER_AUTH_URL: на https-адресе cookie сессии получает Secure и префикс __Secure-", async () => {
    const origin = "https://bauth.example.ru";
    lab.reloadWith({ BETTER_AUTH_URL: origin });
    const cookie = await signUpAndGetCookie((await loadAuth()).auth, origin);
    expect(
      cookie.name.startsWith("__Secure-") && cookie.attributes.has("secure"),
      `🚨 при BETTER_AUTH_URL=${origin} cookie должна быть Secure с префиксом __Secure-: передайте baseURL: readAppUrl(), а не адрес, зашитый в код`,
    ).toBe(true);
  });

  it("не запускается без BETTER_AUTH_URL: адрес приложения берётся из окружения, а не из заголовков запроса", async () => {
    lab.reloadWith({ BETTER_AUTH_URL: undefined });
    const error = await lab.importError(AUTH_FILE);
    expect(error ?? "модуль загрузился без ошибки", "🚨 без BETTER_AUTH_URL импорт auth.ts должен падать: передайте baseURL: readAppUrl()").toMatch(
      /BETTER_AUTH_URL/,
    );
  });

  it("не запускается без BETTER_AUTH_SECRET или с пустым значением, и ошибка говорит, как сгенерировать секрет", async () => {
    for (const secret of [undefined, ""]) {
      lab.reloadWith({ BETTER_AUTH_SECRET: secret });
      const error = (await lab.importError(AUTH_FILE)) ?? "модуль загрузился без ошибки";
      const where = `🚨 при BETTER_AUTH_SECRET ${shown(secret)} импорт auth.ts должен падать: передайте secret: readAuthSecret()`;
      expect(error, `${where}, а ошибка — называть переменную`).toMatch(/BETTER_AUTH_SECRET/);
      expect(error, `${where}, а ошибка — подсказывать openssl rand -base64 32`).toMatch(HOW_TO_GENERATE);
    }
  });

  it("принимает случайные секреты (openssl rand -base64 32, -hex 32, ровно 32 символа) и отклоняет более короткие", async () => {
    const readAuthSecret = await loadReadAuthSecret();
    expectAccepted(readAuthSecret, randomBytes(32).toString("base64"), "вывод openssl rand -base64 32");
    expectAccepted(readAuthSecret, randomBytes(32).toString("hex"), "вывод openssl rand -hex 32");
    expectAccepted(readAuthSecret, randomBytes(32).toString("base64url"), "случайный секрет base64url");
    expectAccepted(readAuthSecret, DIVERSE_32, "секрет ровно из 32 разных символов");
    expectRejected(readAuthSecret, DIVERSE_32.slice(0, 31), "секрет короче 32 символов");
    expectRejected(readAuthSecret, "x7", "секрет короче 32 символов");
  });

  it("отклоняет секрет из пробелов и секрет с пробелом, табуляцией или переводом строки по краям или внутри", async () => {
    const readAuthSecret = await loadReadAuthSecret();
    const secret = randomBytes(32).toString("base64");
    expectAccepted(readAuthSecret, secret, "вывод openssl rand -base64 32");
    expectRejected(readAuthSecret, " ".repeat(32), "секрет из одних пробелов");
    expectRejected(readAuthSecret, " \t".repeat(24), "секрет из одних пробельных символов");
    expectRejected(readAuthSecret, ` ${secret}`, "пробел в начале секрета");
    expectRejected(readAuthSecret, `${secret}\n`, "перевод строки в конце секрета");
    expectRejected(readAuthSecret, `${secret.slice(0, 20)} ${secret.slice(20)}`, "пробел внутри секрета");
  });

  it("отклоняет заглушки: значение из .env.example и известные секреты из примеров Better Auth", async () => {
    const readAuthSecret = await loadReadAuthSecret();
    expectAccepted(readAuthSecret, randomBytes(32).toString("base64"), "вывод openssl rand -base64 32");
    expectRejected(readAuthSecret, envExampleSecret(), "значение BETTER_AUTH_SECRET из .env.example — не секрет");
    expectRejected(readAuthSecret, "replace-with-the-output-of-openssl-rand-base64-32", "заглушка из старого .env.example");
    expectRejected(readAuthSecret, "better-auth-secret-12345678901234567890", "секрет Better Auth по умолчанию");
    expectRejected(
      readAuthSecret,
      "better-auth-secret-that-is-long-enough-for-validation-test",
      "секрет из тестов Better Auth",
    );
  });

  it("отклоняет предсказуемые секреты: один символ, повторяющийся фрагмент, ряд вроде abcdef… (оценка < 128 бит)", async () => {
    const readAuthSecret = await loadReadAuthSecret();
    expectAccepted(readAuthSecret, DIVERSE_32, "секрет ровно из 32 разных символов");
    expectRejected(readAuthSecret, "a".repeat(32), "один символ 32 раза");
    expectRejected(readAuthSecret, "a".repeat(31) + "b", "почти один символ");
    expectRejected(readAuthSecret, "abc".repeat(11), "повтор фрагмента abc");
    expectRejected(readAuthSecret, DIVERSE_32.slice(0, 16).repeat(3), "повтор фрагмента из 16 разных символов");
    expectRejected(readAuthSecret, "abcdefghijklmnopqrstuvwxyz012345", "ряд abcdef…");
    expectRejected(readAuthSecret, "1234567890".repeat(4), "повтор ряда 1234567890");
  });
});

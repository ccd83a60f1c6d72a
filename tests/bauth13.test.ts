import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { symmetricDecrypt } from "better-auth/crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { describeError } from "./support/errors.ts";
import { appRequest, readJson, sessionCookie, signedCookieValue, type AuthHandler } from "./support/http.ts";
import { REPO_ROOT } from "./support/lab.ts";
import { setupLab, type LabEnvironment } from "./support/lab-environment.ts";
import { openSession, type AuthWithContext } from "./support/sessions.ts";
import { uniqueEmail } from "./support/users.ts";

const AUTH_FILE = "src/lib/auth.ts";
const SECRETS_FILE = "src/lib/auth-secrets.ts";
const BOX_FILE = "src/lib/secret-box.ts";
/** 32 characters, no repeats, no runs: the shortest secret the contract accepts. */
const DIVERSE_32 = "Q7f$kP2xZ9mW4vT1bN8cR6yH3jL5dS0g";

type AuthSecret = { version: number; value: string };
type ReadAuthSecrets = (env: NodeJS.ProcessEnv) => AuthSecret[];
type SecretBox = {
  encryptAtRest: (plaintext: string) => Promise<string>;
  decryptAtRest: (stored: string) => Promise<string>;
  reencryptAtRest: (stored: string) => Promise<string>;
};
type SecretConfig = { keys: Map<number, string>; currentVersion: number };
type LabAuth = AuthHandler &
  AuthWithContext & {
    $context: Promise<{
      secret: string;
      secretConfig: string | SecretConfig;
      internalAdapter: { createUser(user: { name: string; email: string; emailVerified: boolean }): Promise<{ id: string }> };
    }>;
  };

let lab: LabEnvironment;

beforeAll(async () => {
  lab = await setupLab("bauth13");
});

const randomSecret = () => randomBytes(32).toString("base64");

/** Restarts the app with these secrets in the environment, and BETTER_AUTH_SECRET unset unless given. */
function restartWith(secrets: string | undefined, single?: string): void {
  lab.reloadWith({ BETTER_AUTH_SECRETS: secrets, BETTER_AUTH_SECRET: single });
}

async function loadAuth(): Promise<LabAuth> {
  // Registered so the harness closes this module graph's pool before it drops the database.
  await lab.load<{ pool: object }>("src/db/index.ts", { pool: "object" });
  return (await lab.load<{ auth: LabAuth }>(AUTH_FILE, { auth: "object" })).auth;
}

async function loadReadAuthSecrets(): Promise<ReadAuthSecrets> {
  return (await lab.load<{ readAuthSecrets: ReadAuthSecrets }>(SECRETS_FILE, { readAuthSecrets: "function" })).readAuthSecrets;
}

async function loadBox(): Promise<SecretBox> {
  await loadAuth();
  return lab.load<SecretBox>(BOX_FILE, { encryptAtRest: "function", decryptAtRest: "function", reencryptAtRest: "function" });
}

/** A user row and a session cookie signed with the secret that is current now; no password, no scrypt. */
async function userWithSession(auth: LabAuth) {
  const context = await auth.$context;
  const user = await context.internalAdapter.createUser({ name: "Студент", email: uniqueEmail("rotation"), emailVerified: false });
  return { userId: user.id, ...(await openSession(auth, user.id)) };
}

/** The user id GET /api/auth/get-session answers for this cookie, or null. */
async function sessionUser(auth: LabAuth, cookie: string): Promise<string | null> {
  const response = await auth.handler(appRequest("/api/auth/get-session", { cookie }));
  const body = await readJson(response);
  return (body.user as { id?: string } | undefined)?.id ?? null;
}

/** How readAuthSecrets treats one environment: the list it returned, or the message it threw. */
function verdict(read: ReadAuthSecrets, env: NodeJS.ProcessEnv): { returned: AuthSecret[] } | { message: string } {
  try {
    return { returned: read(env) };
  } catch (error) {
    return { message: describeError(error) };
  }
}

/** A value in a message without flooding it. */
function shown(value: string): string {
  const visible = JSON.stringify(value);
  return visible.length > 60 ? `${visible.slice(0, 40)}…" (${value.length} символов)` : visible;
}

function expectRefused(read: ReadAuthSecrets, list: string, why: string, leaked: readonly string[] = []): void {
  const result = verdict(read, { BETTER_AUTH_SECRETS: list });
  const message = "message" in result ? result.message : undefined;
  expect(message, `🚨 readAuthSecrets принял BETTER_AUTH_SECRETS=${shown(list)}, а должен бросить Error: ${why}`).toBeDefined();
  expect(message, `🚨 сообщение об ошибке (${why}) должно называть переменную BETTER_AUTH_SECRETS`).toMatch(/BETTER_AUTH_SECRETS/);
  expect(message, `🚨 сообщение об ошибке (${why}) должно быть на русском: оно объясняет, что исправить`).toMatch(/[а-яё]/i);
  for (const secret of leaked) {
    const core = secret.trim();
    if (core.length >= 8) expect(message!.includes(core), `🚨 сообщение (${why}) не должно повторять секрет: сообщения попадают в логи`).toBe(false);
  }
}

/** The BETTER_AUTH_SECRETS value a student gets by copying .env.example to .env ("" when it has none). */
function envExampleSecrets(): string {
  const file = join(REPO_ROOT, ".env.example");
  if (!existsSync(file)) return "";
  const line = readFileSync(file, "utf8")
    .split("\n")
    .find((text) => /^\s*BETTER_AUTH_SECRETS\s*=/.test(text));
  return (line?.split("=").slice(1).join("=") ?? "").trim().replace(/^(["'])(.*)\1$/, "$2");
}

describe("bauth13 «Секреты»", () => {
  it("readAuthSecrets читает BETTER_AUTH_SECRETS «версия:секрет,…» по порядку, первая — текущая; без него BETTER_AUTH_SECRET — версия 1", async () => {
    const read = await loadReadAuthSecrets();
    const [newest, older, oldest] = [randomSecret(), randomBytes(32).toString("hex"), randomBytes(32).toString("base64url")];
    const list = verdict(read, { BETTER_AUTH_SECRETS: `7:${newest},3:${older},0:${oldest}` });
    expect("message" in list ? list.message : undefined, "🚨 readAuthSecrets отклонил верный список из трёх случайных секретов").toBeUndefined();
    expect("returned" in list && list.returned, "🚨 нужен массив { version, value } в том порядке, в каком версии записаны: первая — текущая").toEqual([
      { version: 7, value: newest },
      { version: 3, value: older },
      { version: 0, value: oldest },
    ]);
    const single = randomSecret();
    const alone = verdict(read, { BETTER_AUTH_SECRET: single });
    expect("returned" in alone && alone.returned, "🚨 без BETTER_AUTH_SECRETS секрет из BETTER_AUTH_SECRET — единственная версия с номером 1").toEqual([
      { version: 1, value: single },
    ]);
    const none = verdict(read, {});
    expect("message" in none && none.message, "🚨 без обеих переменных приложение не должно запускаться (ошибка readAuthSecret из bauth01)").toMatch(
      /BETTER_AUTH_SECRET/,
    );
  });

  it("отклоняет слабый секрет в любой версии — короткий, пустой, заглушку, предсказуемый, с пробелом — и не повторяет его в сообщении", async () => {
    const read = await loadReadAuthSecrets();
    const good = randomSecret();
    const weak: [string, string][] = [
      [DIVERSE_32.slice(0, 31), "секрет короче 32 символов"],
      ["", "пустой секрет"],
      ["better-auth-secret-12345678901234567890", "секрет Better Auth по умолчанию"],
      ["replace-with-the-output-of-openssl-rand-base64-32", "заглушка из примера"],
      ["abc".repeat(11), "повтор фрагмента abc"],
      ["abcdefghijklmnopqrstuvwxyz012345", "ряд abcdef…"],
      [`${good.slice(0, 20)} ${good.slice(20)}`, "пробел внутри секрета"],
      [`${good}\n`, "перевод строки в конце секрета"],
    ];
    for (const [secret, why] of weak) {
      expectRefused(read, `2:${secret},1:${good}`, `текущая версия: ${why}`, [secret]);
      // Better Auth checks only the current key, and only with a warning: an old key that can be guessed still opens cookies.
      expectRefused(read, `2:${good},1:${secret}`, `прежняя версия: ${why}`, [secret]);
    }
    expectRefused(read, `2:${good}, 1:${randomSecret()}`, "пробел после запятой");
    const example = envExampleSecrets();
    if (example !== "") expectRefused(read, example, "значение BETTER_AUTH_SECRETS из .env.example — не секрет");
  });

  it("отклоняет неверный список: запись без номера версии, номер не целое ≥ 0, повтор версии, новая версия не первой", async () => {
    const read = await loadReadAuthSecrets();
    const [a, b] = [randomSecret(), randomSecret()];
    expectRefused(read, a, "запись без «версия:»", [a]);
    expectRefused(read, `2:${a},${b}`, "вторая запись без номера версии", [a, b]);
    expectRefused(read, `v2:${a}`, "номер версии — не число", [a]);
    expectRefused(read, `-1:${a}`, "отрицательный номер версии", [a]);
    expectRefused(read, `1.5:${a}`, "дробный номер версии", [a]);
    expectRefused(read, `2:${a},2:${b}`, "одна версия дважды", [a, b]);
    // Better Auth signs and encrypts with the first entry: a new key added at the end would never be used.
    expectRefused(read, `1:${a},2:${b}`, "новая версия 2 записана после старой", [a, b]);
  });

  it("auth.ts берёт ключи только из окружения и проверяет их при старте: Better Auth получает ровно версии из BETTER_AUTH_SECRETS", async () => {
    restartWith(`1:${DIVERSE_32},0:${"a".repeat(32)}`);
    const error = (await lab.importError(AUTH_FILE)) ?? "модуль загрузился без ошибки";
    expect(error, "🚨 со слабой прежней версией в BETTER_AUTH_SECRETS импорт auth.ts должен падать: передайте secrets: readAuthSecrets()").toMatch(
      /BETTER_AUTH_SECRETS/,
    );

    const [current, previous] = [randomSecret(), randomSecret()];
    restartWith(`5:${current},4:${previous}`);
    const context = await (await loadAuth()).$context;
    const config = context.secretConfig;
    expect(context.secret, "🚨 cookie подписывает текущая (первая) версия из BETTER_AUTH_SECRETS: передайте secrets: readAuthSecrets()").toBe(current);
    expect(
      typeof config === "string" ? config : { current: config.currentVersion, keys: [...config.keys] },
      "🚨 Better Auth должен знать все версии из BETTER_AUTH_SECRETS (опция secrets), текущая — 5",
    ).toEqual({ current: 5, keys: [[5, current], [4, previous]] });
  });

  it("после ротации пользователи не выходят: cookie, подписанная прежней версией, открывает сессию по HTTP и в getCurrentUser, а выход с ней удаляет сессию", async () => {
    const [old, fresh] = [randomSecret(), randomSecret()];
    restartWith(`1:${old}`);
    const before = await userWithSession(await loadAuth());

    restartWith(`2:${fresh},1:${old}`);
    const auth = await loadAuth();
    expect(
      await sessionUser(auth, before.cookie),
      "🚨 после ротации (BETTER_AUTH_SECRETS=2:новый,1:старый) cookie, подписанная версией 1, должна открывать сессию: Better Auth проверяет подпись только текущим секретом — примите и прежние версии (плагин с хуком before)",
    ).toBe(before.userId);
    const { getCurrentUser } = await lab.load<{ getCurrentUser: (headers: Headers) => Promise<{ id: string } | null> }>(
      "src/server/auth/session.ts",
      { getCurrentUser: "function" },
    );
    expect(
      (await getCurrentUser(new Headers({ cookie: before.cookie })))?.id,
      "🚨 getCurrentUser (auth.api.getSession на сервере, без HTTP-обработчика) тоже должен узнавать cookie прежней версии: onRequest сюда не доходит, нужен хук before",
    ).toBe(before.userId);

    const { signOut } = await lab.load<{ signOut: (headers: Headers) => Promise<{ ok: boolean }> }>("src/server/auth/sign-out.ts", {
      signOut: "function",
    });
    await signOut(new Headers({ cookie: before.cookie, origin: "http://localhost:3000" }));
    const { rows } = await lab.sql.query(`select 1 from sessions where token = $1`, [before.token]);
    expect(rows.length, "🚨 выход с cookie прежней версии должен удалить строку сессии: иначе украденная копия cookie продолжит работать").toBe(0);
  });

  it("при продлении сессии cookie переподписывается новой версией; после удаления прежней версии её cookie не работает, а чужую подпись не принимает никто", async () => {
    const [old, fresh, foreign] = [randomSecret(), randomSecret(), randomSecret()];
    restartWith(`1:${old}`);
    const before = await userWithSession(await loadAuth());
    const forged = before.cookie.replace(/=.*/, `=${signedCookieValue(before.token, foreign)}`);

    restartWith(`2:${fresh},1:${old}`);
    let auth = await loadAuth();
    expect(await sessionUser(auth, forged), "🚨 cookie с подписью секрета, которого нет в BETTER_AUTH_SECRETS, не должна открывать сессию").toBeNull();
    // The last renewal two days back: the next read renews the session (updateAge is one day) and sets a new cookie.
    await lab.sql.query(`update sessions set expires_at = now() + interval '28 days' where token = $1`, [before.token]);
    const renewed = sessionCookie(await auth.handler(appRequest("/api/auth/get-session", { cookie: before.cookie })));
    expect(renewed?.value, "🚨 продление сессии должно выдать cookie, подписанную текущей версией 2 (подпись cookie делает только первый секрет)").toBe(
      signedCookieValue(before.token, fresh),
    );

    restartWith(`2:${fresh}`);
    auth = await loadAuth();
    expect(await sessionUser(auth, before.cookie), "🚨 когда версию 1 убрали из BETTER_AUTH_SECRETS, cookie, подписанная ею, больше не должна работать").toBeNull();
    expect(await sessionUser(auth, `${before.cookie.replace(/=.*/, "")}=${renewed!.value}`), "🚨 переподписанная cookie работает и без версии 1").toBe(
      before.userId,
    );
  });

  it("encryptAtRest шифрует текущей версией: конверт $ba$<версия>$…, который открывает ключ этой версии, а не прежний", async () => {
    const [old, fresh] = [randomSecret(), randomSecret()];
    restartWith(`2:${fresh},1:${old}`);
    const box = await loadBox();
    const stored = await box.encryptAtRest("токен внешнего API");
    expect(stored.startsWith("$ba$2$"), `🚨 encryptAtRest должен шифровать symmetricEncrypt с secretConfig Better Auth: ожидался конверт $ba$2$…, получено ${shown(stored)}`).toBe(
      true,
    );
    const onlyNew = { keys: new Map([[2, fresh]]), currentVersion: 2 };
    const onlyOld = { keys: new Map([[2, old]]), currentVersion: 2 };
    expect(await symmetricDecrypt({ key: onlyNew, data: stored }), "🚨 новые данные должен открывать ключ версии 2").toBe("токен внешнего API");
    await expect(symmetricDecrypt({ key: onlyOld, data: stored }), "🚨 новые данные не должны открываться прежним ключом").rejects.toThrow();
    expect(await box.decryptAtRest(stored), "🚨 decryptAtRest должен вернуть исходный текст").toBe("токен внешнего API");
  });

  it("данные, зашифрованные до ротации, читаются после неё; когда версию удалили, decryptAtRest бросает ошибку, а не отдаёт пустое значение", async () => {
    const [old, fresh] = [randomSecret(), randomSecret()];
    restartWith(`1:${old}`);
    const stored = await (await loadBox()).encryptAtRest("refresh-токен GitHub");

    restartWith(`2:${fresh},1:${old}`);
    expect(await (await loadBox()).decryptAtRest(stored), "🚨 после ротации (2:новый,1:старый) данные версии 1 должны читаться").toBe(
      "refresh-токен GitHub",
    );

    restartWith(`2:${fresh}`);
    const retired = (await loadBox()).decryptAtRest(stored);
    await expect(retired, "🚨 без версии 1 данные версии 1 не прочитать: decryptAtRest должен бросить ошибку").rejects.toThrow();
    await expect(retired, "🚨 ошибка должна по-русски назвать BETTER_AUTH_SECRETS: вернуть версию или перешифровать данные").rejects.toThrow(
      /BETTER_AUTH_SECRETS/,
    );
  });

  it("reencryptAtRest перешифровывает старое значение текущей версией, и после удаления прежней версии оно читается", async () => {
    const [old, fresh] = [randomSecret(), randomSecret()];
    restartWith(`1:${old}`);
    const stored = await (await loadBox()).encryptAtRest("ключ вебхука");

    restartWith(`2:${fresh},1:${old}`);
    const moved = await (await loadBox()).reencryptAtRest(stored);
    expect(moved.startsWith("$ba$2$"), `🚨 reencryptAtRest должен вернуть конверт текущей версии $ba$2$…, получено ${shown(moved)}`).toBe(true);

    restartWith(`2:${fresh}`);
    expect(await (await loadBox()).decryptAtRest(moved), "🚨 перешифрованное значение должно читаться и без версии 1").toBe("ключ вебхука");
  });
});

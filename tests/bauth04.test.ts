import { beforeAll, describe, expect, it } from "vitest";
import { tableNames } from "./support/catalog.ts";
import { appRequest, readJson, type AuthHandler } from "./support/http.ts";
import { setupLab, type LabEnvironment } from "./support/lab-environment.ts";
import { isScryptHashOf } from "./support/passwords.ts";
import { openSession, type AuthWithContext } from "./support/sessions.ts";
import { uniqueEmail, TEST_PASSWORD } from "./support/users.ts";

// The contract of labs/bauth04/src/server/auth/sign-up.ts, as the README states it.
type SignUpResult =
  | { ok: true; user: { id: string; email: string; name: string } }
  | { ok: false; code: string; message: string };
type SignUp = (input: { name: string; email: string; password: string }, headers?: Headers) => Promise<SignUpResult>;
type AuthInstance = AuthHandler & AuthWithContext & { options: { emailAndPassword?: { minPasswordLength?: number } } };

const SIGN_UP_FILE = "src/server/auth/sign-up.ts";
const CYRILLIC = /[а-яё]/i;
/** The README's cap on a user's name, in characters (the test names say 100 literally, so tools can read them). */
const MAX_NAME_LENGTH = 100;
/** Passwords every leak list starts with; the lab's own list must refuse them in any case and with spaces around. */
const COMMON = ["12345678", "Password", " qwerty123 ", "ILOVEYOU", "1q2w3e4r"];
let lab: LabEnvironment;

beforeAll(async () => {
  lab = await setupLab("bauth04");
});

const loadSignUp = async () => (await lab.load<{ signUp: SignUp }>(SIGN_UP_FILE, { signUp: "function" })).signUp;
const loadAuth = async () => (await lab.load<{ auth: AuthInstance }>("src/lib/auth.ts", { auth: "object" })).auth;

/** Calls the student's signUp; an exception becomes a message about the contract instead of a stack trace. */
async function callSignUp(input: Record<string, unknown>): Promise<SignUpResult> {
  const signUp = await loadSignUp();
  try {
    return await signUp(input as Parameters<SignUp>[0], new Headers({ "user-agent": "bauth04-grader" }));
  } catch (error) {
    throw new Error(
      `🚨 signUp бросил исключение вместо результата { ok: false, code, message }: ${String(error)}. ` +
        "Поймайте APIError Better Auth (isAPIError) и верните понятное сообщение.",
    );
  }
}

function expectOk(result: SignUpResult): asserts result is Extract<SignUpResult, { ok: true }> {
  expect(result, `🚨 регистрация должна пройти и вернуть { ok: true, user: { id, email, name } }, а signUp вернул ${JSON.stringify(result)}`).toMatchObject({
    ok: true,
    user: { id: expect.any(String), email: expect.any(String), name: expect.any(String) },
  });
}

/** A text for a person: a string, in Russian (checked as a string first, so no matcher fails in English). */
function expectRussian(value: unknown, what: string): asserts value is string {
  expect(typeof value, `🚨 ${what}: ожидалась строка, а получено ${JSON.stringify(value)}`).toBe("string");
  expect(value, `🚨 ${what} — текст для пользователя на русском языке`).toMatch(CYRILLIC);
}

function expectRefusal(result: SignUpResult, code: string | string[], englishMessage?: string): asserts result is Extract<SignUpResult, { ok: false }> {
  const codes = [code].flat();
  expect(result, `🚨 ожидался отказ с кодом ${codes.join(" или ")}, а signUp вернул ${JSON.stringify(result)}`).toMatchObject({
    ok: false,
    code: expect.stringMatching(new RegExp(`^(${codes.join("|")})$`)),
  });
  if (result.ok) return;
  expectRussian(result.message, "message");
  if (englishMessage) {
    expect(result.message, "🚨 не показывайте пользователю английское сообщение Better Auth").not.toContain(englishMessage);
  }
}

// One user for the tests that only read what sign-up wrote: each sign-up costs a scrypt hash.
const ANNA = { name: "Анна", email: uniqueEmail("anna"), password: TEST_PASSWORD };
let anna: Promise<SignUpResult> | undefined;
const signUpAnna = () => (anna ??= callSignUp(ANNA));

async function userRows(email: string) {
  const { rows } = await lab.sql.query(`select * from users where email = $1`, [email]);
  return rows as Record<string, unknown>[];
}

async function credentialAccount(userId: string) {
  const { rows } = await lab.sql.query<{ account_id: string; password: string | null }>(
    `select account_id, password from accounts where user_id = $1 and provider_id = 'credential'`,
    [userId],
  );
  return rows;
}

/** A user row written by the grader itself: for tests about what happens to an existing user, without a scrypt sign-up. */
async function insertUser(name: string): Promise<{ id: string; email: string }> {
  const email = uniqueEmail("seed");
  const { rows } = await lab.sql.query<{ id: string }>(`insert into users (name, email) values ($1, $2) returning id`, [name, email]);
  return { id: rows[0]!.id, email };
}

/** A sign-up through the real HTTP handler, as a browser's form or a client SDK sends it. */
async function httpSignUp(body: Record<string, unknown>) {
  const response = await (await loadAuth()).handler(appRequest("/api/auth/sign-up/email", { body }));
  return { status: response.status, body: await readJson(response) };
}

describe("bauth04 «Регистрация пользователя»", () => {
  it("создаёт строку в users и строку в accounts с provider_id = 'credential' и возвращает { ok: true, user }", async () => {
    const result = await signUpAnna();
    expectOk(result);
    expect(result.user, "🚨 user в результате — это id, email и name нового пользователя").toEqual({
      id: expect.any(String),
      email: ANNA.email,
      name: ANNA.name,
    });
    const rows = await userRows(ANNA.email);
    expect(rows.map((row) => row.id), "🚨 в users нет строки нового пользователя с тем же id").toEqual([result.user.id]);
    expect(await credentialAccount(result.user.id), "🚨 в accounts нужна ровно одна строка provider_id = 'credential'").toHaveLength(1);
  });

  it("хранит пароль только в accounts.password и только в виде хеша scrypt, не открытым текстом", async () => {
    const result = await signUpAnna();
    expectOk(result);
    const [account] = await credentialAccount(result.user.id);
    const hash = account?.password ?? "";
    expect(hash, "🚨 открытый пароль попал в базу").not.toContain(ANNA.password);
    expect(
      await isScryptHashOf(hash, ANNA.password),
      "🚨 accounts.password должен быть хешем scrypt именно этого пароля (формат Better Auth «соль:хеш»). " +
        "Не хешируйте пароль сами: передайте его в signUpEmail как есть.",
    ).toBe(true);
    const [user] = await userRows(ANNA.email);
    expect(JSON.stringify(user), "🚨 в строке users не должно быть ни пароля, ни его хеша").not.toMatch(
      new RegExp(`${ANNA.password}|${hash.slice(0, 32)}`),
    );
  });

  it("обрезает пробелы и приводит email к нижнему регистру: «  Olga@Example.RU » сохраняется как olga@…", async () => {
    const email = uniqueEmail("olga");
    const result = await callSignUp({ name: "Ольга", email: `  ${email.replace("olga", "Olga").toUpperCase()}  `, password: TEST_PASSWORD });
    expectOk(result);
    expect(result.user.email, "🚨 email в результате должен быть нормализован").toBe(email);
    expect(await userRows(email), "🚨 в users адрес хранится без пробелов и в нижнем регистре").toHaveLength(1);
  });

  it("отказывает повторному email (в другом регистре и с пробелами) понятным сообщением, первый аккаунт не меняется", async () => {
    const first = await signUpAnna();
    expectOk(first);
    const [before] = await credentialAccount(first.user.id);
    const again = await callSignUp({ name: "Захватчик", email: ` ${ANNA.email.toUpperCase()} `, password: "another-password-123" });
    expectRefusal(again, "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL", "User already exists");
    expect(again.message, "🚨 отказ не должен раскрывать, кому принадлежит адрес: уберите из сообщения имя владельца").not.toContain(
      ANNA.name,
    );
    const rows = await userRows(ANNA.email);
    expect(rows, "🚨 второй регистрации с тем же email быть не должно").toHaveLength(1);
    expect(rows[0]?.name, "🚨 повторная регистрация не должна менять имя первого пользователя").toBe(ANNA.name);
    // The same credential row, hash included: the first user still signs in with their own password (no scrypt needed to prove it).
    expect(await credentialAccount(first.user.id), "🚨 повторная регистрация не должна менять пароль первого пользователя").toEqual([
      before,
    ]);
  });

  it("отказывает в слишком коротком пароле (короче minPasswordLength) и не создаёт пользователя", async () => {
    const min = (await loadAuth()).options.emailAndPassword?.minPasswordLength ?? 8;
    const email = uniqueEmail("short");
    const result = await callSignUp({ name: "Пётр", email, password: "x".repeat(min - 1) });
    expectRefusal(result, "PASSWORD_TOO_SHORT", "Password too short");
    expect(await userRows(email), "🚨 с коротким паролем пользователь не должен создаваться").toEqual([]);
  });

  it("отказывает в адресе без @ своим сообщением, отличным от сообщений о пароле и о занятом email", async () => {
    const invalid = await callSignUp({ name: "Ира", email: "not-an-email", password: TEST_PASSWORD });
    // Better Auth's body schema answers VALIDATION_ERROR here; its route would say INVALID_EMAIL.
    expectRefusal(invalid, ["VALIDATION_ERROR", "INVALID_EMAIL"], "Invalid email");
    const short = await callSignUp({ name: "Ира", email: uniqueEmail("ira"), password: "1" });
    expectRefusal(short, "PASSWORD_TOO_SHORT");
    expect(invalid.message, "🚨 у каждой причины отказа своё сообщение: человек должен понять, что исправить").not.toBe(short.message);
  });

  it("игнорирует role: 'ADMIN' и id в теле регистрации (mass assignment): пользователь создаётся с ролью USER", async () => {
    const email = uniqueEmail("mallory");
    const forgedId = "00000000-0000-4000-8000-000000000001";
    const result = await callSignUp({ name: "Мэллори", email, password: TEST_PASSWORD, role: "ADMIN", id: forgedId });
    // Lists the fields of the input by hand, so an unknown field is dropped, not refused.
    expectOk(result);
    const { rows } = await lab.sql.query(`select id, role from users where email = $1 or id = $2`, [email, forgedId]);
    expect(rows.map((row) => row.id), "🚨 клиент не должен уметь выбрать себе id").toEqual([result.user.id]);
    expect(result.user.id, "🚨 клиент не должен уметь выбрать себе id").not.toBe(forgedId);
    expect(rows.map((row) => row.role), "🚨 клиент не должен уметь назначить себе роль ADMIN: новый пользователь получает роль USER").toEqual([
      "USER",
    ]);
  });

  it("email вида x'); DROP TABLE users;--@a.ru отклоняется как неверный адрес, таблицы и прежние пользователи на месте", async () => {
    const earlier = await insertUser("Прежний пользователь");
    const email = "x'); drop table users;--@a.ru";
    const result = await callSignUp({ name: "Bobby Tables", email: email.toUpperCase().replace("A.RU", "a.ru"), password: TEST_PASSWORD });
    const tables = await tableNames(lab.sql);
    for (const table of ["users", "accounts", "sessions"]) expect(tables, `🚨 таблица ${table} пропала`).toContain(table);
    // Not an address by Better Auth's rules (a space, parentheses); stored, it would have to be stored verbatim.
    // `?.`: a signUp that returns nothing gets expectRefusal's Russian message, not a TypeError.
    if (result?.ok === true) expect(await userRows(email), "🚨 адрес должен сохраниться буквально, как данные").toHaveLength(1);
    else expectRefusal(result, ["VALIDATION_ERROR", "INVALID_EMAIL"], "Invalid email");
    expect(await userRows(earlier.email), "🚨 пользователи, зарегистрированные раньше, должны остаться в базе").toHaveLength(1);
  });

  it("отказывает в имени длиннее 100 символов (NAME_TOO_LONG, сообщение называет предел); имя ровно в 100 символов проходит", async () => {
    const email = uniqueEmail("long");
    const tooLong = await callSignUp({ name: "Я".repeat(MAX_NAME_LENGTH + 1), email, password: TEST_PASSWORD });
    expectRefusal(tooLong, "NAME_TOO_LONG");
    expect(tooLong.message, `🚨 сообщение об имени должно назвать предел: ${MAX_NAME_LENGTH} символов`).toContain(String(MAX_NAME_LENGTH));
    expect(await userRows(email), "🚨 со слишком длинным именем пользователь не должен создаваться").toEqual([]);
    // A name at the cap gets past the name rule: with a too-short password the refusal is about the password (no hashing, no row).
    const atCap = await callSignUp({ name: "Я".repeat(MAX_NAME_LENGTH), email, password: "1234567" });
    expectRefusal(atCap, "PASSWORD_TOO_SHORT");
  });

  it("отказывает в пароле из одних пробелов (PASSWORD_BLANK) и в распространённом пароле из списка лабы (PASSWORD_TOO_COMMON)", async () => {
    const email = uniqueEmail("weak");
    const blank = await callSignUp({ name: "Вера", email, password: " ".repeat(12) });
    expectRefusal(blank, "PASSWORD_BLANK");
    expect(blank.message, "🚨 сообщение должно сказать, что не так с паролем (слово «пароль»)").toMatch(/парол/i);
    for (const password of COMMON) {
      const common = await callSignUp({ name: "Вера", email, password });
      expectRefusal(common, "PASSWORD_TOO_COMMON");
      expect(common.message, `🚨 пароль ${JSON.stringify(password)}: сообщение должно сказать, что не так с паролем`).toMatch(/парол/i);
    }
    expect(await userRows(email), "🚨 со слабым паролем пользователь не должен создаваться").toEqual([]);
  });

  it("те же правила действуют на HTTP-эндпоинте Better Auth: POST /api/auth/sign-up/email отвечает 400 и не создаёт пользователя", async () => {
    const email = uniqueEmail("http");
    const longName = await httpSignUp({ name: "x".repeat(1_000_000), email, password: TEST_PASSWORD });
    expect(
      longName,
      "🚨 имя в миллион символов через HTTP: ожидался 400 с code NAME_TOO_LONG. Проверяйте правила в hooks.before Better Auth, а не только в signUp()",
    ).toMatchObject({ status: 400, body: { code: "NAME_TOO_LONG" } });
    const common = await httpSignUp({ name: "Вера", email, password: "12345678" });
    expect(common, "🚨 пароль 12345678 через HTTP: ожидался 400 с code PASSWORD_TOO_COMMON").toMatchObject({
      status: 400,
      body: { code: "PASSWORD_TOO_COMMON" },
    });
    expectRussian(common.body.message, "message в ответе HTTP");
    expect(await userRows(email), "🚨 отказ по HTTP не должен создавать пользователя").toEqual([]);
  });

  it("предел имени действует и при смене имени: POST /api/auth/update-user с именем длиннее 100 символов отклоняется", async () => {
    const auth = await loadAuth();
    const user = await insertUser("Борис");
    const { cookie } = await openSession(auth, user.id);
    const update = (name: string) => auth.handler(appRequest("/api/auth/update-user", { body: { name }, cookie }));
    const tooLong = await update("Б".repeat(MAX_NAME_LENGTH + 1));
    expect(
      { status: tooLong.status, body: await readJson(tooLong) },
      "🚨 смена имени на слишком длинное: ожидался 400 с code NAME_TOO_LONG (правило должно действовать на /update-user тоже)",
    ).toMatchObject({ status: 400, body: { code: "NAME_TOO_LONG" } });
    const { rows } = await lab.sql.query<{ name: string }>(`select name from users where id = $1`, [user.id]);
    expect(rows[0]?.name, "🚨 отклонённая смена имени не должна менять строку users").toBe("Борис");
    const atCap = await update("Б".repeat(MAX_NAME_LENGTH));
    expect(atCap.status, `🚨 имя ровно в ${MAX_NAME_LENGTH} символов допустимо: смена имени должна пройти`).toBe(200);
  });

  it("когда база недоступна, signUp бросает ошибку, а не выдаёт её за отказ пользователю", async () => {
    // With the database up, a refusal is a result: so an exception below is about the database, not a stub that always throws.
    expectRefusal(await callSignUp({ name: "Гоша", email: uniqueEmail("down"), password: "1" }), "PASSWORD_TOO_SHORT");
    lab.reloadWith({ DATABASE_URL: await lab.unreachableDatabaseUrl() });
    try {
      const signUp = await loadSignUp();
      const outcome = await Promise.resolve()
        .then(() => signUp({ name: "Гоша", email: uniqueEmail("down"), password: TEST_PASSWORD }, new Headers()))
        .then(
          (result) => ({ resolved: true, result }),
          () => ({ resolved: false, result: undefined }),
        );
      expect(
        outcome,
        `🚨 при недоступной базе signUp вернул ${JSON.stringify(outcome.result)}. Это не ошибка пользователя: ` +
          "ошибки, которые не APIError, пробрасывайте дальше (throw), а не превращайте в { ok: false }",
      ).toMatchObject({ resolved: false });
    } finally {
      lab.reloadWith({ DATABASE_URL: lab.databaseUrl });
    }
  });
});

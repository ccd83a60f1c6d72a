import { beforeAll, describe, expect, it } from "vitest";
import { tableNames } from "./support/catalog.ts";
import { setupLab, type LabEnvironment } from "./support/lab-environment.ts";
import { isScryptHashOf } from "./support/passwords.ts";
import { signInRequest, uniqueEmail, TEST_PASSWORD } from "./support/users.ts";
import type { AuthHandler } from "./support/http.ts";

// The contract of labs/bauth04/src/server/auth/sign-up.ts, as the README states it.
type SignUpResult =
  | { ok: true; user: { id: string; email: string; name: string } }
  | { ok: false; code: string; message: string };
type SignUp = (input: { name: string; email: string; password: string }, headers?: Headers) => Promise<SignUpResult>;
type AuthInstance = AuthHandler & { options: { emailAndPassword?: { minPasswordLength?: number } } };

const SIGN_UP_FILE = "src/server/auth/sign-up.ts";
const CYRILLIC = /[а-яё]/i;
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
  expect(result, `🚨 регистрация должна пройти, а signUp вернул ${JSON.stringify(result)}`).toMatchObject({ ok: true });
}

function expectRefusal(result: SignUpResult, code: string | string[], englishMessage: string) {
  const codes = [code].flat();
  expect(result, `🚨 ожидался отказ с кодом ${codes.join(" или ")}, а signUp вернул ${JSON.stringify(result)}`).toMatchObject({
    ok: false,
    code: expect.stringMatching(new RegExp(`^(${codes.join("|")})$`)),
  });
  if (result.ok) return;
  expect(result.message, "🚨 message — текст для пользователя на русском языке").toMatch(CYRILLIC);
  expect(result.message, "🚨 не показывайте пользователю английское сообщение Better Auth").not.toContain(englishMessage);
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

  it("хранит пароль только в accounts.password и только в виде хэша scrypt, не открытым текстом", async () => {
    const result = await signUpAnna();
    expectOk(result);
    const [account] = await credentialAccount(result.user.id);
    const hash = account?.password ?? "";
    expect(hash, "🚨 открытый пароль попал в базу").not.toContain(ANNA.password);
    expect(
      await isScryptHashOf(hash, ANNA.password),
      "🚨 accounts.password должен быть хэшем scrypt именно этого пароля (формат Better Auth «соль:хэш»). " +
        "Не хэшируйте пароль сами: передайте его в signUpEmail как есть.",
    ).toBe(true);
    const [user] = await userRows(ANNA.email);
    expect(JSON.stringify(user), "🚨 в строке users не должно быть ни пароля, ни его хэша").not.toMatch(
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
    const rows = await userRows(ANNA.email);
    expect(rows, "🚨 второй регистрации с тем же email быть не должно").toHaveLength(1);
    expect(rows[0]?.name, "🚨 повторная регистрация не должна менять имя первого пользователя").toBe(ANNA.name);
    expect(await credentialAccount(first.user.id), "🚨 повторная регистрация не должна менять пароль первого пользователя").toEqual([
      before,
    ]);
    const signIn = await signInRequest(await loadAuth(), ANNA.email, ANNA.password);
    expect(signIn.status, "🚨 после попытки повторной регистрации первый пользователь должен входить со своим паролем").toBe(200);
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
    const messages = new Set([invalid, short].map((result) => (result.ok ? "" : result.message)));
    expect(messages.size, "🚨 у каждой причины отказа своё сообщение: человек должен понять, что исправить").toBe(2);
  });

  it("игнорирует role: 'ADMIN' и id в теле регистрации (mass assignment)", async () => {
    const email = uniqueEmail("mallory");
    const forgedId = "00000000-0000-4000-8000-000000000001";
    const result = await callSignUp({ name: "Мэллори", email, password: TEST_PASSWORD, role: "ADMIN", id: forgedId });
    const { rows } = await lab.sql.query(`select id, role from users where email = $1 or id = $2`, [email, forgedId]);
    expect(rows.map((row) => row.role), "🚨 клиент не должен уметь назначить себе роль ADMIN").not.toContain("ADMIN");
    expect(rows.map((row) => row.id), "🚨 клиент не должен уметь выбрать себе id").not.toContain(forgedId);
    if (result.ok) expect(rows.map((row) => row.role), "🚨 новый пользователь получает роль USER").toEqual(["USER"]);
  });

  it("email вида x'); DROP TABLE users;--@a.ru отклоняется или сохраняется буквально, таблицы на месте", async () => {
    const email = "x'); drop table users;--@a.ru";
    const result = await callSignUp({ name: "Bobby Tables", email: email.toUpperCase().replace("A.RU", "a.ru"), password: TEST_PASSWORD });
    const tables = await tableNames(lab.sql);
    for (const table of ["users", "accounts", "sessions"]) expect(tables, `🚨 таблица ${table} пропала`).toContain(table);
    if (result.ok) expect(await userRows(email), "🚨 адрес должен сохраниться буквально, как данные").toHaveLength(1);
    else expect(result.message, "🚨 отказ тоже объясняется по-русски").toMatch(CYRILLIC);
    const { rows } = await lab.sql.query(`select count(*)::int as n from users`);
    expect(rows[0]?.n, "🚨 пользователи, зарегистрированные раньше, должны остаться в базе").toBeGreaterThan(0);
  });
});

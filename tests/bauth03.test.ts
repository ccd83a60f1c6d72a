import { randomBytes } from "node:crypto";
import type { Auth } from "better-auth";
import { beforeAll, describe, expect, it } from "vitest";
import { columns, foreignKeys, indexes, tableNames } from "./support/catalog.ts";
import { describeError } from "./support/errors.ts";
import { appRequest, cookieHeader, readJson, type AuthHandler } from "./support/http.ts";
import { setupLab, type LabEnvironment } from "./support/lab-environment.ts";
import { TEST_PASSWORD, uniqueEmail } from "./support/users.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const TABLES = ["users", "sessions", "accounts", "verifications"] as const;
let lab: LabEnvironment;

beforeAll(async () => {
  lab = await setupLab("bauth03");
});

const loadAuth = () => lab.load<{ auth: Auth & AuthHandler }>("src/lib/auth.ts", { auth: "object" });

/** Signs up through the HTTP handler, as a browser would; `extra` goes into the request body. */
async function signUp(email: string, extra: Record<string, unknown> = {}) {
  const { auth } = await loadAuth();
  const request = appRequest("/api/auth/sign-up/email", { body: { name: "Дина", email, password: TEST_PASSWORD, ...extra } });
  // Better Auth checks the schema on its first request and throws when tables or columns are missing.
  const response = await auth.handler(request).catch((error: unknown) => {
    throw new Error(
      `🚨 Better Auth не работает на этой схеме: ${describeError(error)}. Сверьте src/db/schema.ts, миграцию и сопоставление моделей в auth.ts.`,
    );
  });
  expect(response.status, `🚨 регистрация не прошла: ${JSON.stringify(await readJson(response))}`).toBe(200);
  return { email, cookie: cookieHeader(response) };
}

// Two checks read the same sign-up: each one costs a scrypt hash (about 100 ms).
let shared: ReturnType<typeof signUp> | undefined;
const sharedSignUp = () => (shared ??= signUp(uniqueEmail("dina")));

/** A grader query on the lab's tables; a schema that lacks what it needs becomes a message, not a pg error. */
async function query<Row extends Record<string, unknown>>(text: string, values: unknown[], what: string): Promise<Row[]> {
  try {
    return (await lab.sql.query<Row>(text, values)).rows;
  } catch (error) {
    throw new Error(`🚨 ${what} не удалось: ${describeError(error)}. Сверьте схему и миграцию с README.`);
  }
}

describe("bauth03 «Таблицы users и sessions»", () => {
  it("миграции Drizzle Kit создают таблицы users, sessions, accounts и verifications", async () => {
    const tables = await tableNames(lab.sql);
    for (const table of TABLES) expect(tables, `🚨 миграции не создали таблицу ${table}`).toContain(table);
  });

  it("id в каждой таблице — uuid, который генерирует PostgreSQL (gen_random_uuid())", async () => {
    for (const table of TABLES) {
      const id = (await columns(lab.sql, table)).get("id");
      expect(id?.type, `🚨 ${table}.id должен быть типа uuid`).toBe("uuid");
      expect(id?.default ?? "", `🚨 у ${table}.id нет значения по умолчанию gen_random_uuid() (defaultRandom())`).toMatch(
        /gen_random_uuid\(\)/,
      );
    }
  });

  it("колонки Better Auth названы в snake_case и обязательны, где нужно", async () => {
    const expected: Record<(typeof TABLES)[number], string[]> = {
      users: ["name", "email", "email_verified", "created_at", "updated_at"],
      sessions: ["token", "user_id", "expires_at", "created_at", "updated_at"],
      accounts: ["account_id", "provider_id", "user_id", "created_at", "updated_at"],
      verifications: ["identifier", "value", "expires_at", "created_at", "updated_at"],
    };
    for (const table of TABLES) {
      const found = await columns(lab.sql, table);
      for (const column of expected[table]) {
        expect(found.get(column)?.nullable, `🚨 в ${table} нет обязательной (NOT NULL) колонки ${column}`).toBe(false);
      }
    }
  });

  it("пароль живёт в accounts.password, а в users колонки с паролем нет", async () => {
    expect((await columns(lab.sql, "accounts")).has("password"), "🚨 в accounts нет колонки password").toBe(true);
    const userColumns = [...(await columns(lab.sql, "users")).keys()];
    expect(userColumns.filter((name) => name.includes("password")), "🚨 пароль не должен храниться в users").toEqual([]);
  });

  it("users.role — NOT NULL со значением по умолчанию 'USER'", async () => {
    const role = (await columns(lab.sql, "users")).get("role");
    expect(role?.nullable, "🚨 нужна колонка users.role NOT NULL").toBe(false);
    expect(role?.default ?? "", "🚨 у users.role должно быть значение по умолчанию 'USER'").toMatch(/^'USER'/);
  });

  it("users.email и sessions.token уникальны, а по sessions.user_id есть индекс", async () => {
    expect(await indexes(lab.sql, "users"), "🚨 users.email должен быть уникальным (.unique())").toContainEqual({
      columns: ["email"],
      unique: true,
    });
    const found = await indexes(lab.sql, "sessions");
    expect(found, "🚨 sessions.token должен быть уникальным (.unique())").toContainEqual({ columns: ["token"], unique: true });
    expect(
      found.some((index) => index.columns[0] === "user_id"),
      "🚨 нужен индекс по sessions.user_id: по нему ищут все сессии пользователя",
    ).toBe(true);
  });

  it("sessions и accounts ссылаются на users.id с ON DELETE CASCADE", async () => {
    for (const table of ["sessions", "accounts"]) {
      expect(await foreignKeys(lab.sql, table), `🚨 ${table}.user_id должен ссылаться на users с ON DELETE CASCADE`).toContainEqual({
        column: "user_id",
        references: "users",
        onDelete: "c",
      });
    }
  });

  it("регистрация работает на этой схеме: id пользователя — uuid из PostgreSQL, пароль — в accounts", async () => {
    const { email } = await sharedSignUp();
    const rows = await query<{ id: string; provider_id: string }>(
      `select u.id, a.provider_id from users u join accounts a on a.user_id = u.id where u.email = $1`,
      [email],
      "чтение users и accounts после регистрации",
    );
    expect(rows, "🚨 после регистрации нужны одна строка в users и одна в accounts").toHaveLength(1);
    expect(rows[0]!.id, "🚨 id пользователя должен быть uuid: включите advanced.database.generateId = \"uuid\"").toMatch(UUID);
    expect(rows[0]!.provider_id, "🚨 аккаунт с паролем должен иметь provider_id = 'credential'").toBe("credential");
  });

  it("роль нового пользователя — USER, даже если в теле регистрации прислали role: ADMIN", async () => {
    const { email } = await signUp(uniqueEmail("eve"), { role: "ADMIN" });
    const rows = await query<{ role: string }>(`select role from users where email = $1`, [email], "чтение users.role");
    expect(
      rows.map((row) => row.role),
      "🚨 клиент не должен уметь назначить себе роль: объявите role с input: false",
    ).toEqual(["USER"]);
  });

  it("сессия знает роль пользователя: getSession возвращает user.role (поле объявлено в additionalFields)", async () => {
    const { cookie } = await sharedSignUp();
    const { auth } = await loadAuth();
    const session = await auth.api.getSession({ headers: new Headers({ cookie }) }).catch((error: unknown) => {
      expect.fail(`🚨 auth.api.getSession упал: ${describeError(error)}`);
    });
    expect(session, "🚨 getSession не нашёл сессию, которую открыла регистрация").toBeTruthy();
    expect((session?.user as { role?: unknown } | undefined)?.role, "🚨 объявите role в user.additionalFields").toBe("USER");
  });

  it("удаление пользователя удаляет его сессии и аккаунты (каскад)", async () => {
    // Rows written straight to the tables: the cascade is the database's job, not Better Auth's.
    const [user] = await query<{ id: string }>(
      `insert into users (name, email) values ('Женя', $1) returning id`,
      [uniqueEmail("zhenya")],
      "вставка пользователя с одними name и email (остальное — значения по умолчанию)",
    );
    await query(
      `insert into sessions (token, user_id, expires_at) values ($1, $2, now() + interval '1 day')`,
      [randomBytes(16).toString("hex"), user!.id],
      "вставка сессии",
    );
    await query(
      `insert into accounts (account_id, provider_id, user_id) values ($1, 'credential', $2)`,
      [user!.id, user!.id],
      "вставка аккаунта",
    );
    await query(`delete from users where id = $1`, [user!.id], "удаление пользователя, у которого есть сессия и аккаунт");
    const [left] = await query<{ sessions: number; accounts: number }>(
      `select (select count(*) from sessions where user_id = $1)::int as sessions,
              (select count(*) from accounts where user_id = $1)::int as accounts`,
      [user!.id],
      "подсчёт оставшихся сессий и аккаунтов",
    );
    expect(left, "🚨 после удаления пользователя остались его сессии или аккаунты: нужен onDelete: \"cascade\"").toEqual({
      sessions: 0,
      accounts: 0,
    });
  });
});

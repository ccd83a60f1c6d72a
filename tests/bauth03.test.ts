import type { Auth } from "better-auth";
import { beforeAll, describe, expect, it } from "vitest";
import { columns, foreignKeys, indexes, tableNames } from "./support/catalog.ts";
import { appRequest, readJson, type AuthHandler } from "./support/http.ts";
import { setupLab, type LabEnvironment } from "./support/lab-environment.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const TABLES = ["users", "sessions", "accounts", "verifications"] as const;
let lab: LabEnvironment;

beforeAll(async () => {
  lab = await setupLab("bauth03");
});

const loadAuth = () => lab.load<{ auth: Auth & AuthHandler }>("src/lib/auth.ts", { auth: "object" });

async function signUp(email: string, extra: Record<string, unknown> = {}) {
  const { auth } = await loadAuth();
  return auth.handler(
    appRequest("/api/auth/sign-up/email", { body: { name: "Дина", email, password: "correct-horse-battery", ...extra } }),
  );
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

  it("sessions.token уникален, а по sessions.user_id есть индекс", async () => {
    const found = await indexes(lab.sql, "sessions");
    expect(found, "🚨 sessions.token должен быть уникальным").toContainEqual({ columns: ["token"], unique: true });
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
    const response = await signUp("dina@example.ru");
    expect(response.status, `🚨 регистрация не прошла: ${JSON.stringify(await readJson(response))}`).toBe(200);
    const { rows } = await lab.sql.query(
      `select u.id, a.provider_id from users u join accounts a on a.user_id = u.id where u.email = $1`,
      ["dina@example.ru"],
    );
    expect(rows, "🚨 после регистрации нужны строки в users и accounts").toHaveLength(1);
    expect(rows[0].id).toMatch(UUID);
    expect(rows[0].provider_id).toBe("credential");
  });

  it("роль нового пользователя — USER, даже если в теле регистрации прислали role: ADMIN", async () => {
    const response = await signUp("eve@example.ru", { role: "ADMIN" });
    const { rows } = await lab.sql.query(`select role from users where email = $1`, ["eve@example.ru"]);
    expect(rows.map((row) => row.role), "🚨 клиент не должен уметь назначить себе роль").not.toContain("ADMIN");
    expect(response.status, `🚨 регистрация не прошла: ${JSON.stringify(await readJson(response))}`).toBe(200);
  });

  it("сессия знает роль пользователя: getSession возвращает user.role (поле объявлено в additionalFields)", async () => {
    const { auth } = await loadAuth();
    const { headers } = await auth.api.signUpEmail({
      body: { name: "Фёдор", email: "fedor@example.ru", password: "correct-horse-battery" },
      returnHeaders: true,
    });
    const cookie = headers.getSetCookie().map((line) => line.split(";")[0]).join("; ");
    const session = await auth.api.getSession({ headers: new Headers({ cookie }) });
    expect((session?.user as { role?: unknown } | undefined)?.role, "🚨 объявите role в user.additionalFields").toBe("USER");
  });

  it("удаление пользователя удаляет его сессии и аккаунты (каскад)", async () => {
    const response = await signUp("zhenya@example.ru");
    expect(response.status).toBe(200);
    await lab.sql.query(`delete from users where email = $1`, ["zhenya@example.ru"]);
    const { rows } = await lab.sql.query(
      `select (select count(*) from sessions s left join users u on u.id = s.user_id where u.id is null)::int as sessions,
              (select count(*) from accounts a left join users u on u.id = a.user_id where u.id is null)::int as accounts`,
    );
    expect(rows[0], "🚨 после удаления пользователя остались его сессии или аккаунты").toEqual({ sessions: 0, accounts: 0 });
  });
});

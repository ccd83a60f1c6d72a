import type { Auth } from "better-auth";
import type { Pool } from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { setupLab, type LabEnvironment } from "./support/lab-environment.ts";

let lab: LabEnvironment;

beforeAll(async () => {
  lab = await setupLab("bauth02");
});

const loadDb = () => lab.load<{ pool: Pool; db: object }>("src/db/index.ts", { pool: "object", db: "object" });
const loadAuth = () => lab.load<{ auth: Auth }>("src/lib/auth.ts", { auth: "object" });

describe("bauth02 «Интеграция с PostgreSQL»", () => {
  it("src/db/index.ts экспортирует pool и db, подключённые к базе из DATABASE_URL", async () => {
    const { pool } = await loadDb();
    const { rows } = await pool.query<{ url_database: string }>("select current_database() as url_database");
    expect(rows[0]?.url_database, "🚨 pool должен подключаться к базе из DATABASE_URL").toBe(
      new URL(lab.databaseUrl).pathname.slice(1),
    );
  });

  it("без DATABASE_URL импорт src/db/index.ts падает с понятной ошибкой", async () => {
    const url = lab.databaseUrl;
    lab.reloadWith({ DATABASE_URL: undefined });
    try {
      expect(await lab.importError("src/db/index.ts"), "🚨 ошибка должна называть переменную DATABASE_URL").toMatch(
        /DATABASE_URL/,
      );
    } finally {
      lab.reloadWith({ DATABASE_URL: url });
    }
  });

  it("пользователь, зарегистрированный через auth.api.signUpEmail, — строка таблицы user в этой базе", async () => {
    const { auth } = await loadAuth();
    const result = await auth.api.signUpEmail({
      body: { name: "Борис", email: "boris@example.ru", password: "correct-horse-battery" },
    });
    const { rows } = await lab.sql.query(`select id, name from "user" where email = $1`, ["boris@example.ru"]);
    expect(rows, "🚨 в таблице user нет нового пользователя: подключён ли drizzleAdapter к db?").toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: result.user.id, name: "Борис" });
  });

  it("сессия после регистрации хранится в таблице session этой базы", async () => {
    const { auth } = await loadAuth();
    const result = await auth.api.signUpEmail({
      body: { name: "Вера", email: "vera@example.ru", password: "correct-horse-battery" },
    });
    const { rows } = await lab.sql.query(`select user_id from session where token = $1`, [result.token]);
    expect(rows, "🚨 сессия должна быть строкой таблицы session").toEqual([{ user_id: result.user.id }]);
  });

  it("данные переживают перезапуск приложения: после повторного импорта вход с тем же паролем работает", async () => {
    const email = "gleb@example.ru";
    const password = "correct-horse-battery";
    await (await loadAuth()).auth.api.signUpEmail({ body: { name: "Глеб", email, password } });
    lab.reloadWith({});
    const { auth } = await loadAuth();
    const signedIn = await auth.api.signInEmail({ body: { email, password } }).catch(() => null);
    expect(signedIn?.user.email, "🚨 после перезапуска пользователь пропал: данные хранятся в памяти, а не в PostgreSQL").toBe(
      email,
    );
  });
});

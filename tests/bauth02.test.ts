import { randomBytes } from "node:crypto";
import type { Auth } from "better-auth";
import type { Pool } from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { describeError } from "./support/errors.ts";
import { signedCookieValue } from "./support/http.ts";
import { setupLab, type LabEnvironment } from "./support/lab-environment.ts";
import { TEST_PASSWORD, uniqueEmail } from "./support/users.ts";
import type { AuthWithContext } from "./support/sessions.ts";

const DB_FILE = "src/db/index.ts";
let lab: LabEnvironment;

beforeAll(async () => {
  lab = await setupLab("bauth02");
});

type LabAuth = Auth & AuthWithContext;
const loadDb = () => lab.load<{ pool: Pool; db: object }>(DB_FILE, { pool: "object", db: "object" });
const loadAuth = () => lab.load<{ auth: LabAuth }>("src/lib/auth.ts", { auth: "object" });

/** Signs a user up through the lab's auth.api; a failure becomes a message that says what to check. */
async function signUp(auth: LabAuth, name: string, email = uniqueEmail()) {
  try {
    return await auth.api.signUpEmail({ body: { name, email, password: TEST_PASSWORD } });
  } catch (error) {
    throw new Error(`🚨 auth.api.signUpEmail не прошёл: ${describeError(error)}. Подключён ли drizzleAdapter(db, { provider: "pg", schema })?`);
  }
}

// Two checks read the same sign-up: each one costs a scrypt hash (about 100 ms).
let shared: ReturnType<typeof signUp> | undefined;
const sharedSignUp = async () => (shared ??= signUp((await loadAuth()).auth, "Борис", uniqueEmail("boris")));

describe("bauth02 «Интеграция с PostgreSQL»", () => {
  it("src/db/index.ts экспортирует pool и db, подключённые к базе из DATABASE_URL", async () => {
    const { pool } = await loadDb();
    let database: string | undefined;
    try {
      const { rows } = await pool.query<{ url_database: string }>("select current_database() as url_database");
      database = rows[0]?.url_database;
    } catch (error) {
      expect.fail(`🚨 pool не подключился к базе (${describeError(error)}): создайте его как new Pool({ connectionString: readDatabaseUrl() })`);
    }
    expect(database, "🚨 pool должен подключаться к базе из DATABASE_URL, а не к адресу, зашитому в код").toBe(
      new URL(lab.databaseUrl).pathname.slice(1),
    );
  });

  it("без DATABASE_URL или с пустым значением импорт src/db/index.ts падает с ошибкой, которая называет переменную и показывает пример", async () => {
    const url = lab.databaseUrl;
    try {
      for (const value of [undefined, ""]) {
        lab.reloadWith({ DATABASE_URL: value });
        const shown = value === undefined ? "без DATABASE_URL" : "при пустом DATABASE_URL";
        const error = (await lab.importError(DB_FILE)) ?? "модуль загрузился без ошибки";
        expect(error, `🚨 ${shown} импорт src/db/index.ts должен падать: пусть pool берёт строку из readDatabaseUrl()`).toMatch(
          /DATABASE_URL/,
        );
        expect(error, `🚨 ${shown} ошибка должна показывать пример строки подключения (postgres://…)`).toMatch(/postgres(ql)?:\/\//);
      }
    } finally {
      lab.reloadWith({ DATABASE_URL: url });
    }
  });

  it("Better Auth ходит в базу через pool из src/db/index.ts, а не через своё подключение", async () => {
    const { pool } = await loadDb();
    const { auth } = await loadAuth();
    // Every query of a pg.Pool borrows a connection through connect(): counting them shows whose pool served Better Auth.
    const connect = pool.connect;
    let borrowed = 0;
    pool.connect = ((...args: Parameters<Pool["connect"]>) => {
      borrowed += 1;
      return (connect as (...inner: unknown[]) => unknown).apply(pool, args);
    }) as Pool["connect"];
    try {
      const context = await auth.$context;
      // A well-signed cookie of a session that does not exist: Better Auth must look it up in the database.
      const token = randomBytes(16).toString("hex");
      const cookie = `${context.authCookies.sessionToken.name}=${signedCookieValue(token, context.secret)}`;
      const session = await auth.api.getSession({ headers: new Headers({ cookie }) }).catch((error: unknown) => {
        expect.fail(`🚨 auth.api.getSession упал: ${describeError(error)}`);
      });
      expect(session, "🚨 сессии с таким токеном нет в базе, getSession должен вернуть null").toBeNull();
    } finally {
      pool.connect = connect;
    }
    expect(
      borrowed,
      "🚨 Better Auth не обратился к pool из src/db/index.ts: передайте drizzleAdapter(db, …), где db создан поверх этого pool (один пул на приложение)",
    ).toBeGreaterThan(0);
  });

  it("пользователь, зарегистрированный через auth.api.signUpEmail, — строка таблицы user в этой базе", async () => {
    const result = await sharedSignUp();
    const { rows } = await lab.sql.query(`select id, name from "user" where email = $1`, [result.user.email]);
    expect(rows, "🚨 в таблице user нет нового пользователя: подключён ли drizzleAdapter к db?").toHaveLength(1);
    expect(rows[0], "🚨 строка user должна совпадать с пользователем, которого вернул signUpEmail").toMatchObject({
      id: result.user.id,
      name: "Борис",
    });
  });

  it("сессия после регистрации хранится в таблице session этой базы", async () => {
    const result = await sharedSignUp();
    const { rows } = await lab.sql.query(`select user_id from session where token = $1`, [result.token]);
    expect(rows, "🚨 сессия должна быть строкой таблицы session").toEqual([{ user_id: result.user.id }]);
  });

  it("данные переживают перезапуск приложения: после повторного импорта вход с тем же паролем работает", async () => {
    const email = uniqueEmail("gleb");
    await signUp((await loadAuth()).auth, "Глеб", email);
    lab.reloadWith({});
    const { auth } = await loadAuth();
    const signedIn = await auth.api.signInEmail({ body: { email, password: TEST_PASSWORD } }).catch(() => null);
    expect(signedIn?.user.email, "🚨 после перезапуска пользователь пропал: данные хранятся в памяти, а не в PostgreSQL").toBe(
      email,
    );
  });
});

// src/lib/auth.ts в финальном виде (bauth10): всё, что курс настраивает в Better Auth.
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { nextCookies } from "better-auth/next-js";
import { db } from "./db";
import * as schema from "./schema";

// #region cookie-prefix
// Одно имя и для записи cookie (здесь),
// и для её чтения (src/proxy.ts).
export const SESSION_COOKIE_PREFIX = "bauth";
// #endregion cookie-prefix

const isProduction = process.env.NODE_ENV === "production";

export const auth = betterAuth({
  secret: process.env.BETTER_AUTH_SECRET,
  baseURL: process.env.BETTER_AUTH_URL,
  // #region database
  database: drizzleAdapter(db, {
    provider: "pg",
    schema, // { users, sessions, accounts, verifications }
    usePlural: true, // модель "user" ищется как schema.users
  }),
  // #endregion database
  emailAndPassword: { enabled: true },
  // #region role
  user: {
    additionalFields: {
      // input: false: поле нельзя передать в body при регистрации
      role: { type: "string", defaultValue: "USER", input: false },
    },
  },
  // #endregion role
  // #region clocks
  session: {
    expiresIn: 60 * 60 * 24 * 30, // 30 дней: абсолютная «стена»
    updateAge: 60 * 60 * 24, // раз в сутки активный запрос её сдвигает
    freshAge: 60 * 10, // 10 минут от createdAt: «свежая» сессия
  },
  // #endregion clocks
  // #region advanced
  advanced: {
    // id вставляет PostgreSQL: DEFAULT gen_random_uuid()
    database: { generateId: "uuid" },
    cookiePrefix: SESSION_COOKIE_PREFIX,
    // true: имя с префиксом __Secure- и флаг Secure.
    // На http://localhost (dev) false: по HTTP браузер
    // не сохранит cookie с флагом Secure.
    useSecureCookies: isProduction,
    defaultCookieAttributes: {
      httpOnly: true,
      sameSite: "lax",
      path: "/",
    },
  },
  // #endregion advanced
  // Server Actions: переносит Set-Cookie из auth.api в ответ Next.js.
  plugins: [nextCookies()],
});

export type AuthSession = typeof auth.$Infer.Session;

// The library app's full Better Auth config; slides show it region by region.
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { db } from "./db";
import { nextCookies } from "better-auth/next-js";
import { LIBRARY_COOKIE_PREFIX } from "./cookie-prefix";
import { requireEnv } from "./env";
import { readerAccounts, readers, readerSessions, readerVerifications } from "./schema";
import { rejectDisposableEmail } from "./sign-up-policy";

// #region clocks
// Три таймера библиотеки, все в секундах
export const LIBRARY_SESSION = {
  expiresIn: 60 * 60 * 24 * 14, // 14 дней простоя — и сессии нет
  updateAge: 60 * 60 * 12, // продлевать не чаще раза в 12 часов
  freshAge: 60 * 5, // «закрыть билет» — лишь 5 минут после входа
};
// #endregion clocks

const libraryUrl = requireEnv("LIBRARY_URL");

export const auth = betterAuth({
  secret: requireEnv("LIBRARY_AUTH_SECRET"),
  baseURL: libraryUrl,
  // #region models
  database: drizzleAdapter(db, {
    provider: "pg",
    schema: {
      user: readers, // модель user → таблица readers
      session: readerSessions,
      account: readerAccounts,
      verification: readerVerifications,
    },
  }),
  // #endregion models
  advanced: {
    // #region generate-id
    database: { generateId: "uuid" }, // id в INSERT не передаётся
    // #endregion generate-id
    // #region origin-check
    // под Vitest (NODE_ENV=test) проверка Origin иначе выключена
    disableOriginCheck: false, // включена всегда, как в production
    // #endregion origin-check
    // #region cookies
    cookiePrefix: LIBRARY_COOKIE_PREFIX, // одна константа с proxy
    // Secure и имя __Secure-… — только по https
    useSecureCookies: libraryUrl.startsWith("https://"),
    defaultCookieAttributes: { httpOnly: true, sameSite: "lax", path: "/" },
    // #endregion cookies
  },
  // #region plan-field
  user: {
    additionalFields: {
      // тариф читателя задаёт сервер: в body регистрации поле не принимается
      plan: { type: "string", defaultValue: "BASIC", input: false },
    },
  },
  // #endregion plan-field
  emailAndPassword: { enabled: true, minPasswordLength: 10 },
  // #region hooks
  hooks: { before: rejectDisposableEmail }, // одно правило для HTTP и auth.api.*
  // #endregion hooks
  // #region session
  session: LIBRARY_SESSION, // expiresIn, updateAge, freshAge
  // #endregion session
  // #region plugins
  // Set-Cookie из auth.api.* в Server Action → в ответ Next.js
  plugins: [nextCookies()], // после всех остальных плагинов
  // #endregion plugins
});

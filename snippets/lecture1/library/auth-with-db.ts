// The library's auth config at the stage of bauth02: a database, Better Auth's default tables.
import { betterAuth } from "better-auth";
import { requireEnv } from "./env";
// #region adapter
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { db } from "./db"; // тот же пул, что у каталога книг
import * as authTables from "./auth-tables"; // user, session, account, verification

export const auth = betterAuth({
  secret: requireEnv("LIBRARY_AUTH_SECRET"),
  baseURL: requireEnv("LIBRARY_URL"),
  // запросы Better Auth → запросы Drizzle; модель user → authTables.user
  database: drizzleAdapter(db, { provider: "pg", schema: authTables }),
  emailAndPassword: { enabled: true }, // вход по email и паролю
});
// #endregion adapter

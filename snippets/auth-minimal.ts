// Первый шаг (bauth01): экземпляр Better Auth как отдельный модуль src/lib/auth.ts.
// #region minimal
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { db } from "./db";
import * as schema from "./schema";

export const auth = betterAuth({
  secret: process.env.BETTER_AUTH_SECRET, // ключ HMAC-подписи cookie
  baseURL: process.env.BETTER_AUTH_URL, // http://localhost:3000 в dev
  database: drizzleAdapter(db, { provider: "pg", schema, usePlural: true }),
  emailAndPassword: { enabled: true },
});
// #endregion minimal

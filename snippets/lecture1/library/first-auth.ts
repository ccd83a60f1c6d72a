// #region first-instance
import { betterAuth } from "better-auth";
import { requireEnv } from "./env";

// src/lib/auth.ts библиотеки: один экземпляр на процесс
export const auth = betterAuth({
  secret: requireEnv("LIBRARY_AUTH_SECRET"), // ключ подписи cookie
  baseURL: requireEnv("LIBRARY_URL"), // от него: /api/auth/* и доверенный Origin
  emailAndPassword: { enabled: true }, // вход по email и паролю
});
// #endregion first-instance

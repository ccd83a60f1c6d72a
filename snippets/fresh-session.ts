// bauth08: «свежесть» сессии для опасных действий (смена пароля, удаление аккаунта).
import { TRPCError } from "@trpc/server";
import { auth } from "./auth";

// #region require-fresh
// Значение берём из конфигурации, а не дублируем число (600 секунд).
const FRESH_AGE_MS = (auth.options.session?.freshAge ?? 0) * 1000;

export async function requireFreshSession(headers: Headers) {
  const result = await auth.api.getSession({ headers });
  if (!result) {
    throw new TRPCError({ code: "UNAUTHORIZED" });
  }
  // Свежесть считается от входа (createdAt), а не от последнего клика.
  const age = Date.now() - result.session.createdAt.getTime();
  if (age >= FRESH_AGE_MS) {
    throw new TRPCError({ code: "FORBIDDEN", message: "SESSION_NOT_FRESH" });
  }
  return result;
}
// #endregion require-fresh

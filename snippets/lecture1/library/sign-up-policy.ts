import { APIError, createAuthMiddleware } from "better-auth/api";

const DISPOSABLE_DOMAINS = new Set(["mailinator.com", "tempmail.dev"]);

// #region before-hook
// До любого эндпоинта: и HTTP-запроса, и прямого вызова auth.api.*
export const rejectDisposableEmail = createAuthMiddleware(async (ctx) => {
  if (ctx.path !== "/sign-up/email") return; // остальные пути не трогаем
  const email: unknown = ctx.body?.email; // тело ещё не проверено схемой
  const domain = typeof email === "string" ? email.split("@").pop() : undefined;
  if (domain && DISPOSABLE_DOMAINS.has(domain.toLowerCase())) {
    // отказ до хеширования и INSERT: 400 с нашим кодом
    throw new APIError("BAD_REQUEST", { code: "DISPOSABLE_EMAIL", message: "Нужен постоянный адрес." });
  }
});
// #endregion before-hook

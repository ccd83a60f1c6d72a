import { APIError, createAuthMiddleware } from "better-auth/api";

const DISPOSABLE_DOMAINS = new Set(["mailinator.com", "tempmail.dev"]);

// #region before-hook
// До любого эндпоинта: и HTTP-запроса, и прямого вызова auth.api.*
export const rejectDisposableEmail = createAuthMiddleware(async (ctx) => {
  if (ctx.path !== "/sign-up/email") return; // остальные пути не трогаем
  const email: unknown = ctx.body?.email; // тело ещё не проверено схемой
  const domain = typeof email === "string" ? email.split("@").pop() : undefined;
  if (domain && DISPOSABLE_DOMAINS.has(domain.toLowerCase())) {
    throw new APIError("BAD_REQUEST", { // до хеширования и INSERT
      code: "DISPOSABLE_EMAIL",
      message: "Нужен постоянный адрес почты.",
    });
  }
});
// #endregion before-hook

// Not lab code: rate-limit settings of the library app, which runs behind Cloudflare.
import type { BetterAuthOptions } from "better-auth";

// #region rate-limit
export const LIBRARY_RATE_LIMIT = {
  enabled: true, // не зависеть от того, равен ли NODE_ENV "production"
  storage: "database", // счётчики общие для всех экземпляров и переживают перезапуск
  customRules: {
    "/sign-in/email": { window: 60 * 15, max: 5 }, // 5 попыток за 15 минут
    "/request-password-reset": { window: 60 * 60, max: 3 },
    "/get-session": false, // частое чтение сессии не ограничиваем
  },
} satisfies NonNullable<BetterAuthOptions["rateLimit"]>;
// #endregion rate-limit

// #region client-ip
export const LIBRARY_ADVANCED = {
  ipAddress: {
    // этот заголовок ставит Cloudflare и затирает присланный клиентом;
    // X-Forwarded-For может написать кто угодно
    ipAddressHeaders: ["cf-connecting-ip"],
  },
} satisfies NonNullable<BetterAuthOptions["advanced"]>;
// #endregion client-ip

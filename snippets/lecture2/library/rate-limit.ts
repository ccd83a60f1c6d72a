// Not lab code: rate-limit settings of the library app, which runs behind Cloudflare.
import type { BetterAuthOptions } from "better-auth";

// #region rate-limit
export const LIBRARY_RATE_LIMIT = {
  enabled: true, // при любом NODE_ENV
  storage: "database", // общий для экземпляров
  customRules: {
    // 5 попыток за 15 минут
    "/sign-in/email": { window: 900, max: 5 },
    "/request-password-reset": { window: 3600, max: 3 },
    "/get-session": false, // не ограничивать
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

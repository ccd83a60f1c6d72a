import type { BetterAuthOptions } from "better-auth";

// #region sign-in-limit
/** Sign-in requests one client address may send per window; the next one is refused with 429. */
export const SIGN_IN_MAX_ATTEMPTS = 5;
/** The window, in seconds, counted from the last allowed attempt. */
export const SIGN_IN_WINDOW_SECONDS = 5 * 60;
// #endregion sign-in-limit

/**
 * The app runs behind one reverse proxy (nginx), which writes the client's
 * address into X-Real-IP and overwrites whatever the client sent there.
 * X-Forwarded-For reaches the app as the client typed it, so it is never read.
 */
export const CLIENT_IP_HEADER = "x-real-ip";

// #region rate-limit
/**
 * Better Auth's rate limiter. It runs in auth.handler only (auth.api.* calls skip it),
 * counts every request to a path per client address, and answers 429 with X-Retry-After.
 */
export const rateLimit = {
  // Better Auth turns it on only when NODE_ENV is "production"; stated here, it is on wherever the app runs.
  enabled: true,
  // Counters in PostgreSQL (table rate_limits): shared by every instance, kept across restarts.
  storage: "database",
  customRules: {
    // Overrides Better Auth's built-in 3 per 10 s for /sign-in/*, too lax to slow down a password guesser.
    "/sign-in/email": { window: SIGN_IN_WINDOW_SECONDS, max: SIGN_IN_MAX_ATTEMPTS },
  },
} satisfies BetterAuthOptions["rateLimit"];

/** Where the limiter (and the sessions' ip_address) takes the client's address from: one header the proxy sets. */
export const ipAddress = {
  ipAddressHeaders: [CLIENT_IP_HEADER],
} satisfies NonNullable<BetterAuthOptions["advanced"]>["ipAddress"];
// #endregion rate-limit

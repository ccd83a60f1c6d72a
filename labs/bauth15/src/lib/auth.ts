import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { nextCookies } from "better-auth/next-js";
import { db } from "../db";
import { accounts, rateLimits, sessions, users, verifications } from "../db/schema";
import { notifyExistingUser, sendChangeEmailConfirmation, sendResetPassword, sendVerificationEmail } from "../server/mail/auth-mail";
import { accountPolicy } from "./account-policy";
import { SESSION_COOKIE_PREFIX } from "./auth-cookies";
import { readAuthSecrets } from "./auth-secrets";
import { clearSiteDataOnSignOut } from "./clear-site-data";
import { readAppUrl } from "./env";
import { liveSessionOnSensitiveEndpoints } from "./live-session";
import { previousSecretCookies } from "./previous-secret-cookies";
import { ipAddress, rateLimit } from "./rate-limit";
import { sensitiveActions } from "./sensitive-actions";

// The three session clocks, in seconds (Better Auth counts all three in seconds).
/** Idle limit: each refresh moves expires_at to now + this; there is no absolute end. */
export const SESSION_EXPIRES_IN = 60 * 60 * 24 * 30;
/** Sliding renewal: a read this long after the last renewal pushes expires_at to now + SESSION_EXPIRES_IN. */
export const SESSION_UPDATE_AGE = 60 * 60 * 24;
/** Freshness for destructive actions, counted from created_at (the sign-in), never from the last request. */
export const SESSION_FRESH_AGE = 60 * 10;
/**
 * Cookie cache lifetime: how long a signed copy of the session in the browser answers ordinary reads
 * without a database query. It is also the longest a revoked session keeps passing those reads.
 */
export const SESSION_CACHE_MAX_AGE = 60 * 5;

/** bauth14: a password reset link works this long (seconds), and only once. */
export const RESET_PASSWORD_TOKEN_EXPIRES_IN = 60 * 15;

// #region app-url
const appUrl = readAppUrl();
// #endregion app-url

export const auth = betterAuth({
  // #region secrets
  // Every version from the environment (BETTER_AUTH_SECRETS, or BETTER_AUTH_SECRET as version 1), checked
  // at start-up. The first signs and encrypts; the others only open what they signed or encrypted before.
  secrets: readAuthSecrets(),
  // #endregion secrets
  baseURL: appUrl,
  // TODO(bauth15): name the origins whose pages may send requests with the cookie (README: «Чек-лист перед выкладкой»).
  database: drizzleAdapter(db, {
    provider: "pg",
    // Better Auth's models (user, session, ...) mapped onto the course's plural tables.
    schema: { user: users, session: sessions, account: accounts, verification: verifications, rateLimit: rateLimits },
  }),
  // bauth12: sign-in attempts limited per client address, counted in the database (src/lib/rate-limit.ts).
  rateLimit,
  advanced: {
    // PostgreSQL generates the uuid (gen_random_uuid()); Better Auth leaves id out of the INSERT.
    database: { generateId: "uuid" },
    // Better Auth skips its Origin (CSRF) check when NODE_ENV is "test"; pinned on, tests see what production does:
    // a POST that carries the cookie from an origin other than baseURL (or trustedOrigins) gets 403 INVALID_ORIGIN.
    disableOriginCheck: false,
    // bauth12: the client's address comes from the one header the proxy sets, never from X-Forwarded-For.
    ipAddress,
    // #region cookies
    // The session cookie: "bauth.session_token", read back by src/proxy.ts through the same constant.
    cookiePrefix: SESSION_COOKIE_PREFIX,
    // Secure (and Better Auth's "__Secure-" name prefix) exactly when the app is served over https:
    // over plain http a browser may drop a Secure cookie (Safari does even on localhost).
    useSecureCookies: new URL(appUrl).protocol === "https:",
    defaultCookieAttributes: {
      // Out of reach of page scripts: an XSS payload cannot read the token.
      httpOnly: true,
      // Not sent on cross-site POSTs (CSRF), still sent when a link from elsewhere opens the app.
      sameSite: "lax",
      path: "/",
    },
    // #endregion cookies
  },
  user: {
    // bauth14: a new address is confirmed from the old one first, then verified at the new one.
    changeEmail: { enabled: true, sendChangeEmailConfirmation },
    additionalFields: {
      // input: false: whatever a sign-up body says, a new user gets the default role.
      role: { type: "string", defaultValue: "USER", input: false },
    },
  },
  emailAndPassword: {
    enabled: true,
    // The password policy, stated rather than inherited: Better Auth refuses anything
    // outside it with PASSWORD_TOO_SHORT / PASSWORD_TOO_LONG before any hashing.
    minPasswordLength: 8,
    maxPasswordLength: 128,
    // bauth14: no session before the address is confirmed; and so sign-up answers a taken
    // address exactly as a new one (Better Auth then hashes the password anyway and returns a stand-in user).
    requireEmailVerification: true,
    onExistingUserSignUp: notifyExistingUser,
    sendResetPassword,
    resetPasswordTokenExpiresIn: RESET_PASSWORD_TOKEN_EXPIRES_IN,
    // Whoever asked for the reset, every session opened with the old password ends.
    revokeSessionsOnPasswordReset: true,
  },
  // bauth14: the verification link is a signed JWT; an unverified sign-in gets a fresh letter.
  emailVerification: { sendVerificationEmail, sendOnSignUp: true, sendOnSignIn: true },
  // bauth14: verifications stores SHA-256 of "reset-password:<token>", so a leaked table opens no account.
  verification: { storeIdentifier: "hashed" },
  hooks: {
    // Before every endpoint, HTTP and auth.api.* alike: the name cap and the weak-password list
    // (src/lib/account-policy.ts) hold on each path that takes a name or a password.
    before: accountPolicy,
  },
  session: {
    expiresIn: SESSION_EXPIRES_IN,
    updateAge: SESSION_UPDATE_AGE,
    freshAge: SESSION_FRESH_AGE,
    // #region cookie-cache
    cookieCache: {
      enabled: true,
      // The session_data cookie and the copy inside it both expire after this; then one read goes to the database again.
      maxAge: SESSION_CACHE_MAX_AGE,
      // Encrypted (A256CBC-HS512): whoever sees the cookie (logs, a proxy, an extension) reads neither email nor role.
      strategy: "jwe",
    },
    // #endregion cookie-cache
  },
  // #region plugins
  plugins: [
    // previousSecretCookies (bauth13): session cookies signed with an older listed secret still open their session.
    previousSecretCookies(),
    // Better Auth's endpoints that would trust the cookie cache (see ./live-session.ts) read the row instead.
    liveSessionOnSensitiveEndpoints(),
    // sensitiveActions (src/lib/sensitive-actions.ts): freshness and "end the other sessions" for account changes.
    sensitiveActions(),
    // bauth15: Clear-Site-Data on sign-out (src/lib/clear-site-data.ts).
    clearSiteDataOnSignOut(),
    // Server Actions: copies the Set-Cookie of auth.api.* calls into Next.js's response. Keep it the last plugin.
    nextCookies(),
  ],
  // #endregion plugins
});

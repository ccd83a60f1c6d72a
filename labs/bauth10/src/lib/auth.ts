import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { nextCookies } from "better-auth/next-js";
import { db } from "../db";
import { accounts, sessions, users, verifications } from "../db/schema";
import { accountPolicy } from "./account-policy";
import { readAppUrl, readAuthSecret } from "./env";

// The three session clocks, in seconds (Better Auth counts all three in seconds).
/** Idle limit: each refresh moves expires_at to now + this; there is no absolute end. */
export const SESSION_EXPIRES_IN = 60 * 60 * 24 * 30;
/** Sliding renewal: a read this long after the last renewal pushes expires_at to now + SESSION_EXPIRES_IN. */
export const SESSION_UPDATE_AGE = 60 * 60 * 24;
/** Freshness for destructive actions, counted from created_at (the sign-in), never from the last request. */
export const SESSION_FRESH_AGE = 60 * 10;

export const auth = betterAuth({
  // Both come from the environment, so every deployment signs with its own key.
  secret: readAuthSecret(),
  baseURL: readAppUrl(),
  database: drizzleAdapter(db, {
    provider: "pg",
    // Better Auth's models (user, session, ...) mapped onto the course's plural tables.
    schema: { user: users, session: sessions, account: accounts, verification: verifications },
  }),
  advanced: {
    // PostgreSQL generates the uuid (gen_random_uuid()); Better Auth leaves id out of the INSERT.
    database: { generateId: "uuid" },
    // Better Auth skips its Origin (CSRF) check when NODE_ENV is "test"; pinned on, tests see what production does:
    // a POST that carries the cookie from an origin other than baseURL (or trustedOrigins) gets 403 INVALID_ORIGIN.
    disableOriginCheck: false,
    // TODO(bauth10): закалите cookie сессии:
    //   - префикс имени — SESSION_COOKIE_PREFIX из ./auth-cookies (тот же, что читает src/proxy.ts);
    //   - Secure — только когда приложение открыто по https (по схеме BETTER_AUTH_URL, не по NODE_ENV):
    //     тогда Better Auth сам ставит Secure и дописывает к имени префикс __Secure-;
    //   - атрибуты по умолчанию: HttpOnly, SameSite=Lax, Path=/.
  },
  user: {
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
  },
  hooks: {
    // Before every endpoint, HTTP and auth.api.* alike: the name cap and the weak-password list
    // (src/lib/account-policy.ts) hold on each path that takes a name or a password.
    before: accountPolicy,
  },
  session: {
    expiresIn: SESSION_EXPIRES_IN,
    updateAge: SESSION_UPDATE_AGE,
    freshAge: SESSION_FRESH_AGE,
  },
  // Server Actions: copies the Set-Cookie of auth.api.* calls into Next.js's response. Keep it the last plugin.
  plugins: [nextCookies()],
});

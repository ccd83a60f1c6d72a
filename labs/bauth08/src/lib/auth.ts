import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { db } from "../db";
import { accounts, sessions, users, verifications } from "../db/schema";
import { accountPolicy } from "./account-policy";
import { readAppUrl, readAuthSecret } from "./env";

// TODO(bauth08): объявите и экспортируйте три часа сессии в секундах:
//   SESSION_EXPIRES_IN — 30 дней, SESSION_UPDATE_AGE — 1 день, SESSION_FRESH_AGE — 10 минут.
//   Пишите выражением из множителей, а не «магическим» числом.

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
  // TODO(bauth08): передайте три константы в настройки сессии Better Auth.
  //   Без них действуют значения Better Auth по умолчанию: 7 дней, 1 день и 1 день.
});

import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { db } from "../db";
import { accounts, sessions, users, verifications } from "../db/schema";
import { accountPolicy } from "./account-policy";
import { readAppUrl, readAuthSecret } from "./env";

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
  // TODO(bauth04): подключите правила из src/lib/account-policy.ts так, чтобы Better Auth вызывал их перед каждым
  // своим эндпоинтом — и для HTTP-обработчика, и для прямых вызовов auth.api.*. Проверку только в signUp()
  // обойдёт любой POST на /api/auth/sign-up/email.
});

import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { db } from "../db";
import { accounts, sessions, users, verifications } from "../db/schema";
import { readAppUrl, readAuthSecret } from "./env";

export const auth = betterAuth({
  // Both come from the environment, so every deployment signs with its own key.
  secret: readAuthSecret(),
  baseURL: readAppUrl(),
  // #region models
  database: drizzleAdapter(db, {
    provider: "pg",
    // Better Auth's models (user, session, ...) mapped onto the course's plural tables.
    schema: { user: users, session: sessions, account: accounts, verification: verifications },
  }),
  advanced: {
    // PostgreSQL generates the uuid (gen_random_uuid()); Better Auth leaves id out of the INSERT.
    database: { generateId: "uuid" },
  },
  // #endregion models
  // #region role
  user: {
    additionalFields: {
      // input: false: whatever a sign-up body says, a new user gets the default role.
      role: { type: "string", defaultValue: "USER", input: false },
    },
  },
  // #endregion role
  emailAndPassword: { enabled: true },
});

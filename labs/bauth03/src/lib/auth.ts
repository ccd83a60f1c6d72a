import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { db } from "../db";
import { sessions, users } from "../db/schema";
import { readAppUrl, readAuthSecret } from "./env";

export const auth = betterAuth({
  // Both come from the environment, so every deployment signs with its own key.
  secret: readAuthSecret(),
  baseURL: readAppUrl(),
  database: drizzleAdapter(db, {
    provider: "pg",
    // TODO(bauth03): сопоставьте все четыре модели Better Auth с таблицами курса:
    // { user: users, session: sessions, account: accounts, verification: verifications }.
    schema: { user: users, session: sessions },
  }),
  // TODO(bauth03): пусть id генерирует PostgreSQL: advanced.database.generateId = "uuid";
  // и объявите поле role в user.additionalFields так, чтобы клиент не мог его задать (input: false).
  emailAndPassword: { enabled: true },
});

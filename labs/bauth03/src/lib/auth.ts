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
    // TODO(bauth03): сопоставьте с таблицами курса все четыре модели Better Auth (user, session, account,
    // verification); сейчас адаптер знает только две.
    schema: { user: users, session: sessions },
  }),
  // TODO(bauth03): пусть id генерирует PostgreSQL, а не Better Auth; объявите дополнительное поле
  // пользователя role (по умолчанию "USER"), которое клиент не может задать сам.
  emailAndPassword: { enabled: true },
});

import { betterAuth } from "better-auth";
import { readAppUrl, readAuthSecret } from "./env";

export const auth = betterAuth({
  // Both come from the environment, so every deployment signs with its own key.
  secret: readAuthSecret(),
  baseURL: readAppUrl(),
  // TODO(bauth02): подключите PostgreSQL: database: drizzleAdapter(db, { provider: "pg", schema })
  // (drizzleAdapter — из "better-auth/adapters/drizzle", db — из ../db, schema — из ../db/schema).
  // Пока базы нет, Better Auth хранит пользователей в памяти и теряет их при перезапуске.
  emailAndPassword: { enabled: true },
});

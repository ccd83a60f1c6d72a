import { betterAuth } from "better-auth";
import { readAppUrl, readAuthSecret } from "./env";

export const auth = betterAuth({
  // Both come from the environment, so every deployment signs with its own key.
  secret: readAuthSecret(),
  baseURL: readAppUrl(),
  // TODO(bauth02): подключите PostgreSQL: адаптер Drizzle поверх db из ../db (диалект PostgreSQL,
  // схема из ../db/schema). Пока базы нет, Better Auth хранит пользователей в памяти и теряет их при перезапуске.
  emailAndPassword: { enabled: true },
});

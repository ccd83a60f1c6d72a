import { pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

// The sketch from the lecture slides. It is not enough for Better Auth 1.7 yet.

// TODO(bauth03): доведите users до схемы Better Auth: name, email (уникальный), email_verified,
// image, role (по умолчанию 'USER'), created_at, updated_at; id — uuid, который генерирует база.
export const users = pgTable("users", {
  id: uuid("id").primaryKey(),
  email: text("email").notNull(),
  name: text("name"),
});

// TODO(bauth03): добавьте в sessions token (уникальный), ip_address, user_agent, created_at,
// updated_at; user_id — ссылка на users.id с каскадным удалением и индексом.
export const sessions = pgTable("sessions", {
  id: uuid("id").primaryKey(),
  userId: uuid("user_id").notNull(),
  expiresAt: timestamp("expires_at").notNull(),
});

// TODO(bauth03): добавьте таблицы accounts (здесь живёт хеш пароля) и verifications.
// Затем сгенерируйте миграцию: npm run db:generate -- bauth03

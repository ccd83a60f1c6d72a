// The library app's tables. Only `loans` is shown on a slide; the auth tables are
// stubs that let the adapter example compile, not a full Better Auth schema.
import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

const primaryUuid = () => uuid("id").primaryKey().defaultRandom();

export const readers = pgTable("readers", { id: primaryUuid(), email: text("email").notNull() });
export const readerSessions = pgTable("reader_sessions", { id: primaryUuid() });
export const readerAccounts = pgTable("reader_accounts", { id: primaryUuid() });
export const readerVerifications = pgTable("reader_verifications", { id: primaryUuid() });

// #region loans
export const loans = pgTable(
  "loans",
  {
    id: uuid("id").primaryKey().defaultRandom(), // DEFAULT gen_random_uuid()
    barcode: text("barcode").notNull().unique(), // UNIQUE: поиск за один шаг
    readerId: uuid("reader_id")
      .notNull()
      .references(() => readers.id, { onDelete: "cascade" }),
    dueAt: timestamp("due_at", { withTimezone: true }).notNull(), // timestamptz
  },
  (table) => [index("loans_reader_id_idx").on(table.readerId)],
);
// #endregion loans

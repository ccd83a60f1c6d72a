// Stand-ins for the tables Better Auth's schema generator writes (exports named after the
// models: user, session, account, verification). Stubs for the compiler, not a usable schema.
import { pgTable, text } from "drizzle-orm/pg-core";

export const user = pgTable("user", { id: text("id").primaryKey() });
export const session = pgTable("session", { id: text("id").primaryKey() });
export const account = pgTable("account", { id: text("id").primaryKey() });
export const verification = pgTable("verification", { id: text("id").primaryKey() });

import { bigint, boolean, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

// The course's own schema for Better Auth 1.7: plural table names, snake_case
// columns, uuid keys that PostgreSQL generates (gen_random_uuid()).

const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date()),
};

export const users = pgTable("users", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  email: text("email").notNull().unique(),
  emailVerified: boolean("email_verified").notNull().default(false),
  image: text("image"),
  // Authorization data: the auth config marks it `input: false`, so sign-up can never set it.
  role: text("role").notNull().default("USER"),
  ...timestamps,
});

export const sessions = pgTable(
  "sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    // The secret the cookie carries; unique, because every lookup goes through it.
    token: text("token").notNull().unique(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    ipAddress: text("ip_address"),
    userAgent: text("user_agent"),
    ...timestamps,
  },
  // "Sign out everywhere" and "my devices" look sessions up by user.
  (table) => [index("sessions_user_id_idx").on(table.userId)],
);

// One row per way to sign in. The password hash lives here, not on users,
// because a user may also sign in through GitHub or Google and have no password.
export const accounts = pgTable(
  "accounts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: text("account_id").notNull(),
    providerId: text("provider_id").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    accessToken: text("access_token"),
    refreshToken: text("refresh_token"),
    idToken: text("id_token"),
    accessTokenExpiresAt: timestamp("access_token_expires_at", { withTimezone: true }),
    refreshTokenExpiresAt: timestamp("refresh_token_expires_at", { withTimezone: true }),
    scope: text("scope"),
    password: text("password"),
    ...timestamps,
  },
  (table) => [index("accounts_user_id_idx").on(table.userId)],
);

// Short-lived values: password reset tokens and OAuth state (email verification is a signed JWT and writes no row).
export const verifications = pgTable(
  "verifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    identifier: text("identifier").notNull(),
    value: text("value").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    ...timestamps,
  },
  (table) => [index("verifications_identifier_idx").on(table.identifier)],
);

// The application's own data (bauth07): a note belongs to exactly one user.
// Who may read it is decided in src/server/access/notes.ts, not here.
export const notes = pgTable(
  "notes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    body: text("body").notNull().default(""),
    ...timestamps,
  },
  // "My notes" is the only list there is: it always filters by owner.
  (table) => [index("notes_owner_id_idx").on(table.ownerId)],
);

// #region rate-limits
// Better Auth's rate limiter (bauth12) with storage: "database": one row per client address and path.
// Every instance of the app reads the same rows, and a restart forgets nothing.
export const rateLimits = pgTable("rate_limits", {
  id: uuid("id").primaryKey().defaultRandom(),
  // "<client ip>|<path>", e.g. "203.0.113.7|/sign-in/email"; unique, because every check looks it up.
  key: text("key").notNull().unique(),
  // Requests counted in the current window.
  count: integer("count").notNull(),
  // Milliseconds since the epoch (Date.now()): Better Auth compares it with numbers, so not a timestamp.
  lastRequest: bigint("last_request", { mode: "number" }).notNull(),
});
// #endregion rate-limits

// bauth14: the mail the app sends, written as rows instead of sent over the network. A worker
// would deliver each unsent row and set sent_at; tests and the playground read the rows directly.
// Written in the same database as the account change, so no mail is lost if SMTP is down.
export const outbox = pgTable(
  "outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    recipient: text("recipient").notNull(),
    subject: text("subject").notNull(),
    // Plain text with the link Better Auth built (it carries the token): never log it.
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  // The delivery worker picks unsent rows, oldest first.
  (table) => [index("outbox_unsent_idx").on(table.sentAt, table.createdAt)],
);

import { defineConfig } from "drizzle-kit";

// Run from this folder: `npm run db:generate -- <lab>` writes the SQL migrations to ./drizzle.
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/db/schema.ts",
  out: "./drizzle",
  dbCredentials: { url: process.env.DATABASE_URL ?? "" },
});

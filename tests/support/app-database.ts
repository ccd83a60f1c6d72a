import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";

/**
 * A database for a lab that runs as an app (the playground), outside Vitest:
 * the same steps as database.ts and lab-environment.ts, but with the admin URL
 * passed in instead of taken from Vitest's `inject`, which only works in a test.
 */
export interface AppDatabase {
  readonly name: string;
  readonly url: string;
  drop(): Promise<void>;
}

export async function createAppDatabase(adminUrl: string, label: string): Promise<AppDatabase> {
  const name = `${label.toLowerCase().replace(/[^a-z0-9]/g, "_")}_${randomBytes(4).toString("hex")}`;
  await adminQuery(adminUrl, `create database "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: () => adminQuery(adminUrl, `drop database if exists "${name}" with (force)`),
  };
}

/** Applies the Drizzle Kit migrations committed in `<labDir>/drizzle` with Drizzle's migrator. */
export async function applyLabMigrations(labDir: string, databaseUrl: string): Promise<void> {
  const folder = join(labDir, "drizzle");
  if (!existsSync(join(folder, "meta", "_journal.json"))) {
    throw new Error(`В ${folder} нет миграций Drizzle Kit (drizzle/meta/_journal.json).`);
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await migrate(drizzle(client), { migrationsFolder: folder });
  } finally {
    await client.end();
  }
}

async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

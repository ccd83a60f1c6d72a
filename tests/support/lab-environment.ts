import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject, vi } from "vitest";
import { applyMigrations, createDatabase, hasMigrations, type LabDatabase } from "./database.ts";
import { onFileEnd } from "./file-cleanup.ts";
import { freePort } from "./free-port.ts";
import { endLabPools, trackLabPools } from "./lab-pools.ts";
import { describeError } from "./errors.ts";
import { importLabFile, labDir, LabError, requireExport, shownPath } from "./lab.ts";

/** The origin the labs' Better Auth instances are configured with (BETTER_AUTH_URL). */
export const APP_ORIGIN = "http://localhost:3000";

export interface LabOptions {
  /** Create a database for this file and put its URL in DATABASE_URL (default: true). */
  database?: boolean;
  /** Apply the lab's committed Drizzle Kit migrations from `drizzle/` (default: true with a database). */
  migrate?: boolean;
}

export interface LabEnvironment {
  readonly id: string;
  /** This file's own database (empty string when the lab runs without one). */
  readonly databaseUrl: string;
  /** A connection for the grader's own checks of the real rows. */
  readonly sql: pg.Pool;
  /** Imports a lab file and checks its exports, e.g. `load("src/lib/auth.ts", { auth: "object" })`. */
  load<T extends Record<string, unknown>>(file: string, exports: ExportSpec<T>): Promise<T>;
  /** The message of the error the file throws at import, or undefined when it loads fine. */
  importError(file: string): Promise<string | undefined>;
  /** Sets environment variables for the next `load`, which then re-evaluates the lab's modules. */
  reloadWith(variables: Record<string, string | undefined>): void;
  /**
   * This file's DATABASE_URL on a port where nothing listens: a database that
   * is down, for checking that a lab passes on a failure that is not the
   * user's instead of hiding it (use with reloadWith).
   */
  unreachableDatabaseUrl(): Promise<string>;
}

type ExportSpec<T> = { [K in keyof T]: "function" | "object" | "string" };

/**
 * One call per test file, in the manner of Better Auth's own test instance:
 * a fresh database, the lab's migrations applied, the environment a real app
 * would have, and cleanup after the file.
 */
export async function setupLab(id: string, options: LabOptions = {}): Promise<LabEnvironment> {
  const withDatabase = options.database ?? true;
  const database = withDatabase ? await createTestDatabase(id) : undefined;
  // Files share a worker (isolate: false), so each one leaves the environment as it found it.
  const savedEnv = { ...process.env };
  const sql = new pg.Pool({ connectionString: database?.url, max: 2 });
  trackLabPools();

  Object.assign(process.env, {
    BETTER_AUTH_SECRET: randomBytes(32).toString("base64url"),
    BETTER_AUTH_URL: APP_ORIGIN,
  });
  if (database) process.env.DATABASE_URL = database.url;
  else delete process.env.DATABASE_URL;

  onFileEnd(async () => {
    await endLabPools();
    if (!sql.ended) await sql.end();
    await database?.drop();
    restoreEnvironment(savedEnv);
    vi.resetModules();
  });

  if (database && (options.migrate ?? withDatabase)) await migrateLab(id, database.url);

  return {
    id,
    databaseUrl: database?.url ?? "",
    sql,
    async load<T extends Record<string, unknown>>(file: string, exports: ExportSpec<T>): Promise<T> {
      const module = await importLabFile(id, file);
      const where = `${id}: ${shownPath(id, file)}`;
      const result: Record<string, unknown> = {};
      for (const [name, kind] of Object.entries(exports) as [string, ExportSpec<T>[keyof T]][]) {
        result[name] = requireExport(module, name, kind, where);
      }
      return result as T;
    },
    async importError(file) {
      try {
        await importLabFile(id, file);
        return undefined;
      } catch (error) {
        return describeError(error);
      }
    },
    async unreachableDatabaseUrl() {
      const url = new URL(database?.url ?? "postgres://postgres@127.0.0.1/postgres");
      // A free port on loopback, whatever server the run uses: nothing answers there.
      url.hostname = "127.0.0.1";
      url.port = String(await freePort());
      return url.toString();
    },
    reloadWith(variables) {
      testState.reloaded = true;
      for (const [name, value] of Object.entries(variables)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
      vi.resetModules();
    },
  };
}

/** This file's own database on the run's server (the global setup provides its URL). */
async function createTestDatabase(label: string): Promise<LabDatabase> {
  const adminUrl = inject("pgAdminUrl");
  if (!adminUrl) throw new Error(`PostgreSQL для тестов не запустился: ${inject("pgStartError")}`);
  return createDatabase(adminUrl, label);
}

async function migrateLab(id: string, url: string): Promise<void> {
  if (!hasMigrations(labDir(id))) {
    throw new LabError(
      `${id}: в ${shownPath(id, "drizzle")} нет миграций Drizzle Kit. ` +
        `Сгенерируйте их командой npm run db:generate -- ${id} и закоммитьте папку drizzle/.`,
    );
  }
  try {
    await applyMigrations(labDir(id), url);
  } catch (error) {
    throw new LabError(`${id}: миграции из ${shownPath(id, "drizzle")} не применились: ${describeError(error)}`);
  }
}

/**
 * A reload lasts for the test that asked for it: each test starts from the
 * environment and modules the file had before it, so no test leans on what
 * an earlier one changed (worker-setup.ts calls these around every test).
 */
const testState = globalThis as typeof globalThis & { reloaded?: boolean; envBeforeTest?: NodeJS.ProcessEnv };

export function rememberTestEnvironment(): void {
  testState.envBeforeTest = { ...process.env };
  testState.reloaded = false;
}

export function restoreTestEnvironment(): void {
  if (!testState.reloaded || !testState.envBeforeTest) return;
  restoreEnvironment(testState.envBeforeTest);
  testState.reloaded = false;
  vi.resetModules();
}

function restoreEnvironment(saved: NodeJS.ProcessEnv): void {
  for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
  Object.assign(process.env, saved);
}

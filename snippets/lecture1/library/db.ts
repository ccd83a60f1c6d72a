// #region one-pool
import { drizzle } from "drizzle-orm/node-postgres";
import { Pool } from "pg";
import { requireEnv } from "./env";
import * as schema from "./schema";

// Один пул на процесс: каталог книг и Better Auth берут соединения отсюда
export const pool = new Pool({ connectionString: requireEnv("LIBRARY_DATABASE_URL") });
export const db = drizzle(pool, { schema });
// #endregion one-pool

// src/db/index.ts: одно подключение к PostgreSQL на всё приложение.
// #region db
import { drizzle } from "drizzle-orm/node-postgres";
import { Pool } from "pg";
import * as schema from "./schema";

const pool = new Pool({ connectionString: process.env.DATABASE_URL });

// Тот же db используют и бизнес-код, и Better Auth (через адаптер).
export const db = drizzle(pool, { schema });
// #endregion db

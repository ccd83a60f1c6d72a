import { drizzle } from "drizzle-orm/node-postgres";
import { Pool } from "pg";
import * as schema from "./schema";

// TODO(bauth02): создайте Pool из строки подключения readDatabaseUrl() (../lib/env)
// и экспортируйте его как pool; db — экземпляр Drizzle поверх этого pool со схемой schema.
export const pool = new Pool();

export const db = drizzle(pool, { schema });

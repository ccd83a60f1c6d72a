import { drizzle } from "drizzle-orm/node-postgres";
import { Pool } from "pg";
import * as schema from "./schema";

// TODO(bauth02): пул должен подключаться к базе из окружения: строку подключения даёт функция из ../lib/env.
// Один пул на процесс; db ниже уже работает поверх него.
export const pool = new Pool();

export const db = drizzle(pool, { schema });

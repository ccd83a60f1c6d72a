import { drizzle } from "drizzle-orm/node-postgres";
import { Pool } from "pg";
import { readDatabaseUrl } from "../lib/env";
import * as schema from "./schema";

// One pool per server process: each request borrows a connection instead of opening its own.
export const pool = new Pool({ connectionString: readDatabaseUrl() });

export const db = drizzle(pool, { schema });

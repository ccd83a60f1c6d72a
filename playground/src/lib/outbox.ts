import pg from "pg";

/** One letter as bauth14's contract stores it (labs/bauth14/README.md, «Контракт»). */
export interface Letter {
  id: string;
  recipient: string;
  subject: string;
  body: string;
  createdAt: Date;
}

export type OutboxView = { table: "missing" } | { table: "present"; letters: Letter[] };

/** The newest letters the page shows; the playground's database is fresh each run, so this is plenty. */
const LIMIT = 50;

// One small pool for the page, kept across next dev's module reloads so each edit does not open new connections.
const globalPool = globalThis as typeof globalThis & { playgroundOutboxPool?: pg.Pool };

function pool(): pg.Pool {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL не задан: песочницу запускает npm run playground -- bauthNN.");
  globalPool.playgroundOutboxPool ??= new pg.Pool({ connectionString, max: 2 });
  return globalPool.playgroundOutboxPool;
}

/**
 * The letters the lab wrote, newest first, read straight from the playground's
 * database. This stands in for the mail server a real deployment would deliver
 * them through, so it is the playground's code, not the lab's: the lab only
 * writes rows. Labs before bauth14 (and bauth14 before its first task) have no
 * outbox table; the page then says so instead of failing.
 */
export async function readOutbox(): Promise<OutboxView> {
  const client = pool();
  const { rows: found } = await client.query<{ exists: boolean }>(
    "select to_regclass('public.outbox') is not null as exists",
  );
  if (!found[0]?.exists) return { table: "missing" };
  const { rows } = await client.query<Letter>(
    `select id::text as id, recipient, subject, body, created_at as "createdAt"
       from outbox order by created_at desc limit ${LIMIT}`,
  );
  return { table: "present", letters: rows };
}

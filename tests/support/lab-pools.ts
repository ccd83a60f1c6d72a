import pg from "pg";

/**
 * Every pg.Pool a lab opens, so the harness can end them when the test file
 * ends. A lab's pool is usually created deep in its module graph (src/db),
 * re-created on every reload, and never exported to the grader; left open,
 * DROP DATABASE would cut its connections and crash the worker with an
 * unhandled error. Pools register themselves on their first connection.
 */
const state = globalThis as typeof globalThis & { __bauthOpenPools?: Set<pg.Pool> };

export function trackLabPools(): void {
  if (state.__bauthOpenPools) return;
  const open = (state.__bauthOpenPools = new Set<pg.Pool>());
  const connect = pg.Pool.prototype.connect as (this: pg.Pool, ...args: unknown[]) => unknown;
  // pool.query() goes through connect() too, so this sees every pool that ever talked to a database.
  (pg.Pool.prototype as { connect: unknown }).connect = function (this: pg.Pool, ...args: unknown[]) {
    open.add(this);
    return connect.apply(this, args);
  };
}

/** Ends every pool opened since the last call (the test file's), ignoring ones already ended. */
export async function endLabPools(): Promise<void> {
  const open = state.__bauthOpenPools;
  if (!open) return;
  const pools = [...open];
  open.clear();
  await Promise.all(pools.filter((pool) => !pool.ended).map((pool) => pool.end().catch(() => {})));
}

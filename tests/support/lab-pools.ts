import type { EventEmitter } from "node:events";
import pg from "pg";
import { withTimeout } from "./errors.ts";

/**
 * Every pg.Pool a lab opens, so the harness can end them when the test file
 * ends. A lab's pool is usually created deep in its module graph (src/db),
 * re-created on every reload, and never exported to the grader; left open,
 * DROP DATABASE would cut its connections and crash the worker with an
 * unhandled error. Pools register themselves on their first connection.
 */
const state = globalThis as typeof globalThis & { __bauthOpenPools?: Map<pg.Pool, Set<EventEmitter>> };

/** How long a closing connection may take before the cleanup stops waiting for it. */
const CLOSE_LIMIT_MS = 5_000;

export function trackLabPools(): void {
  if (state.__bauthOpenPools) return;
  const open = (state.__bauthOpenPools = new Map<pg.Pool, Set<EventEmitter>>());
  const connect = pg.Pool.prototype.connect as (this: pg.Pool, ...args: unknown[]) => unknown;
  // pool.query() goes through connect() too, so this sees every pool that ever talked to a database.
  (pg.Pool.prototype as { connect: unknown }).connect = function (this: pg.Pool, ...args: unknown[]) {
    if (!open.has(this)) open.set(this, watchClients(this));
    return connect.apply(this, args);
  };
}

/**
 * Ends every pool opened since the last call (the test file's) and waits
 * until their connections have really closed. pg-pool resolves end() as soon
 * as it has *asked* its clients to end; dropping the database WITH (FORCE)
 * right after would kill the ones still closing (FATAL 57P01), and that error
 * on an ended pool failed correct runs.
 */
export async function endLabPools(): Promise<void> {
  const open = state.__bauthOpenPools;
  if (!open) return;
  const pools = [...open];
  open.clear();
  await Promise.all(
    pools.map(async ([pool, clients]) => {
      // A connection the lab checked out and never released keeps end() waiting: bounded.
      if (!pool.ended && !pool.ending) await withTimeout(pool.end(), CLOSE_LIMIT_MS, "pool.end").catch(() => {});
      await Promise.all([...clients].map(closed));
    }),
  );
}

/** The pool's live connections; a connection leaves the set when its socket has closed. */
function watchClients(pool: pg.Pool): Set<EventEmitter> {
  const clients = new Set<EventEmitter>();
  pool.on("connect", (client) => {
    clients.add(client);
    client.once("end", () => clients.delete(client));
  });
  // An idle connection that breaks while the file ends is not the student's failure.
  pool.on("error", () => {});
  return clients;
}

function closed(client: EventEmitter): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, CLOSE_LIMIT_MS);
    timer.unref();
    client.once("end", () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

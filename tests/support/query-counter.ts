import pg from "pg";

/**
 * Counts the SQL a lab sends to PostgreSQL, to measure what a cache saves in
 * database reads rather than in milliseconds (a count does not depend on the
 * machine's load). Every query of every pg.Pool goes through
 * pg.Client.prototype.query, Drizzle's included, so one hook on it sees them all
 * without the lab's code knowing; lab-pools.ts hooks pg the same way.
 */
export interface QueryLog {
  /** The SQL text of every statement sent while the call ran, in order. */
  readonly statements: readonly string[];
  /** How many of them were SELECTs that read this table (`sessions`, `users`, ...). */
  selectsFrom(table: string): number;
}

type Recorder = string[];
const state = globalThis as typeof globalThis & { __bauthQueryRecorders?: Set<Recorder> };

function installHook(): Set<Recorder> {
  if (state.__bauthQueryRecorders) return state.__bauthQueryRecorders;
  const recorders = (state.__bauthQueryRecorders = new Set<Recorder>());
  const query = pg.Client.prototype.query as (this: pg.Client, ...args: unknown[]) => unknown;
  (pg.Client.prototype as { query: unknown }).query = function (this: pg.Client, ...args: unknown[]) {
    if (recorders.size > 0) {
      const text = sqlText(args[0]);
      for (const recorder of recorders) recorder.push(text);
    }
    return query.apply(this, args);
  };
  return recorders;
}

/** pg takes a string, a config object `{ text, values }` or a Query (Drizzle passes the object). */
function sqlText(first: unknown): string {
  if (typeof first === "string") return first;
  const text = (first as { text?: unknown } | null)?.text;
  return typeof text === "string" ? text : "";
}

/**
 * Runs `call` and returns its result with the statements sent meanwhile.
 * Measure one call at a time, and keep the grader's own queries (lab.sql) out
 * of `call`: everything sent in the window counts, whoever sends it.
 */
export async function countQueries<T>(call: () => Promise<T>): Promise<{ result: T; log: QueryLog }> {
  const recorders = installHook();
  const statements: Recorder = [];
  recorders.add(statements);
  try {
    const result = await call();
    return { result, log: queryLog(statements) };
  } finally {
    recorders.delete(statements);
  }
}

export function queryLog(statements: readonly string[]): QueryLog {
  return {
    statements: [...statements],
    selectsFrom(table) {
      // Drizzle quotes identifiers: select "id", ... from "sessions" where ...
      const reads = new RegExp(`^\\s*select\\b[\\s\\S]*\\bfrom\\s+"?${table}"?(\\s|$)`, "i");
      return statements.filter((text) => reads.test(text)).length;
    },
  };
}

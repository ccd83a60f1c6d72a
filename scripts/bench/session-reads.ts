/**
 * `npm run bench:session-reads`: how many times one user's short visit reads
 * the session from PostgreSQL, without the cookie cache (solutions/bauth10) and
 * with it (solutions/bauth11). Counts queries, not milliseconds: the figure does
 * not depend on the machine. Prints figures; asserts nothing.
 *
 * Both apps get the same requests through their real route handlers, the way
 * a browser sends them: it keeps every cookie it is given.
 */
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { applyMigrations, createDatabase } from "../../tests/support/database.ts";
import { REPO_ROOT } from "../../tests/support/lab.ts";
import { bannerLine, startPostgres } from "../../tests/support/postgres/provider.ts";
import { countQueries } from "../../tests/support/query-counter.ts";

const ORIGIN = "http://localhost:3000";
type Handler = (request: Request) => Promise<Response>;

/** The visit: sign-up, then what a page and its client do next. Each step is one HTTP request. */
const VISIT: readonly { label: string; path: string; body?: unknown }[] = [
  { label: "GET /api/auth/get-session (useSession в браузере)", path: "/api/auth/get-session" },
  { label: "GET /api/trpc/me", path: "/api/trpc/me" },
  { label: "GET /api/trpc/notes.list", path: "/api/trpc/notes.list" },
  { label: "GET /api/trpc/me", path: "/api/trpc/me" },
  { label: "GET /api/auth/get-session", path: "/api/auth/get-session" },
  { label: "GET /api/trpc/notes.list", path: "/api/trpc/notes.list" },
  { label: "GET /api/trpc/me", path: "/api/trpc/me" },
  { label: "GET /api/trpc/me", path: "/api/trpc/me" },
  { label: "GET /api/auth/get-session", path: "/api/auth/get-session" },
  { label: "GET /api/trpc/notes.list", path: "/api/trpc/notes.list" },
];

/**
 * What a browser keeps: the cookies it was given, minus the ones a response expired.
 * (tests/support/browser.ts's CookieJar does the same, but its module graph registers
 * Vitest hooks at import, and this bench runs outside Vitest.)
 */
class Jar {
  readonly #cookies = new Map<string, string>();
  store(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const eq = pair.indexOf("=");
      const [name, value] = [pair.slice(0, eq).trim(), pair.slice(eq + 1).trim()];
      if (value === "" || /max-age=0(;|$)/i.test(line)) this.#cookies.delete(name);
      else this.#cookies.set(name, value);
    }
  }
  header(): string {
    return [...this.#cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }
}

interface Row {
  label: string;
  sessionReads: number;
  queries: number;
}

async function visit(lab: string, adminUrl: string): Promise<Row[]> {
  const dir = join(REPO_ROOT, "solutions", lab);
  const database = await createDatabase(adminUrl, `bench_${lab}`);
  let pool: { end(): Promise<void> } | undefined;
  try {
    await applyMigrations(dir, database.url);
    // The app reads these at import, as it reads them from .env in production.
    Object.assign(process.env, { DATABASE_URL: database.url, BETTER_AUTH_URL: ORIGIN, BETTER_AUTH_SECRET: randomBytes(32).toString("base64url") });
    const load = (file: string) => import(pathToFileURL(join(dir, file)).href) as Promise<Record<string, unknown>>;
    pool = (await load("src/db/index.ts")).pool as { end(): Promise<void> };
    const auth = (await load("src/app/api/auth/[...all]/route.ts")) as { GET: Handler; POST: Handler };
    const trpc = (await load("src/app/api/trpc/[trpc]/route.ts")) as { GET: Handler };

    const jar = new Jar();
    const send = (path: string, body?: unknown): Promise<Response> => {
      const headers = new Headers({ origin: ORIGIN });
      if (jar.header()) headers.set("cookie", jar.header());
      if (body !== undefined) headers.set("content-type", "application/json");
      const request = new Request(new URL(path, ORIGIN), { method: body === undefined ? "GET" : "POST", headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
      return (path.startsWith("/api/trpc/") ? trpc.GET : body === undefined ? auth.GET : auth.POST)(request);
    };

    const rows: Row[] = [];
    const signUp = { name: "Замер", email: `bench-${randomBytes(4).toString("hex")}@example.ru`, password: "correct-horse-battery-staple" };
    for (const step of [{ label: "POST /api/auth/sign-up/email (регистрация и вход)", path: "/api/auth/sign-up/email", body: signUp }, ...VISIT]) {
      const { result, log } = await countQueries(() => send(step.path, step.body));
      if (result.status !== 200) throw new Error(`${lab}: ${step.label} ответил ${result.status}: ${await result.text()}`);
      jar.store(result);
      rows.push({ label: step.label, sessionReads: log.selectsFrom("sessions"), queries: log.statements.length });
    }
    return rows;
  } finally {
    await pool?.end();
    await database.drop();
  }
}

const server = await startPostgres();
console.log(bannerLine(server));
try {
  const without = await visit("bauth10", server.adminUrl);
  const withCache = await visit("bauth11", server.adminUrl);
  console.log("\nЧтения сессии из базы (SELECT … FROM sessions) и все запросы к базе на каждый HTTP-запрос:\n");
  console.log(`${"запрос".padEnd(52)}  без кэша (bauth10)   с кэшем (bauth11)`);
  without.forEach((row, index) => {
    const cached = withCache[index]!;
    console.log(`${row.label.padEnd(52)}  ${`${row.sessionReads} / ${row.queries}`.padEnd(19)}  ${cached.sessionReads} / ${cached.queries}`);
  });
  const reads = (rows: Row[]) => rows.slice(1);
  const sum = (rows: Row[], key: "sessionReads" | "queries") => rows.reduce((total, row) => total + row[key], 0);
  const n = VISIT.length;
  console.log(
    `\nпосле входа, ${n} запросов: чтений sessions — ${sum(reads(without), "sessionReads")} без кэша и ${sum(reads(withCache), "sessionReads")} с кэшем; ` +
      `всех запросов к базе — ${sum(reads(without), "queries")} и ${sum(reads(withCache), "queries")}`,
  );
  console.log(
    `в среднем на запрос: ${(sum(reads(without), "sessionReads") / n).toFixed(1)} → ${(sum(reads(withCache), "sessionReads") / n).toFixed(1)} чтений sessions, ` +
      `${(sum(reads(without), "queries") / n).toFixed(1)} → ${(sum(reads(withCache), "queries") / n).toFixed(1)} запросов к базе`,
  );
} finally {
  await server.stop();
}

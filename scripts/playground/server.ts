/**
 * Starts the playground: a PostgreSQL from the tests' provider, a fresh
 * database with the lab's migrations, and Next.js (playground/) compiled
 * against one lab's code through the `@lab/*` alias.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { applyMigrations, createDatabase, hasMigrations } from "../../tests/support/database.ts";
import { REPO_ROOT, type LabTarget } from "../../tests/support/lab.ts";
import { freePort } from "../../tests/support/free-port.ts";
import { bannerLine, startPostgres } from "../../tests/support/postgres/provider.ts";

export const PLAYGROUND_DIR = join(REPO_ROOT, "playground");

/** What the playground imports from the lab; a lab without them cannot run in it. */
export const REQUIRED_LAB_FILES = [
  "src/lib/auth.ts",
  "src/lib/env.ts",
  "src/lib/safe-next.ts",
  "src/app/api/auth/[...all]/route.ts",
  "src/app/api/trpc/[trpc]/route.ts",
  "src/app/dashboard/data.ts",
  "src/proxy.ts",
  "src/server/auth/session.ts",
  "src/server/auth/sign-up.ts",
  "src/server/auth/sign-in.ts",
  "src/server/auth/sign-out.ts",
  "drizzle/meta/_journal.json",
] as const;

export interface PlaygroundOptions {
  lab: string;
  target: LabTarget;
  /** `dev`: next dev (Turbopack, compiles on demand); `start`: next build, then next start. */
  mode: "dev" | "start";
  port?: number;
  /** Where Next.js writes its output: the terminal, or a log file (the e2e test). */
  log: "inherit" | string;
  /** A lab folder to use instead of `<target>/<lab>` (for working on the playground itself). */
  labDir?: string;
}

export interface RunningPlayground {
  readonly url: string;
  readonly labLabel: string;
  /** The playground's own database, for a test that moves time by editing rows (it is dropped on stop). */
  readonly databaseUrl: string;
  readonly timings: { postgres: number; database: number; build: number; ready: number; total: number };
  /** Settles when the Next.js server exits by itself (a crash); stop() does not count. */
  readonly crashed: Promise<number | null>;
  stop(): Promise<void>;
}

export class PlaygroundError extends Error {
  override name = "PlaygroundError";
}

export function labFolder(options: Pick<PlaygroundOptions, "lab" | "target" | "labDir">): string {
  return options.labDir ?? join(REPO_ROOT, options.target, options.lab);
}

/** Every file the playground needs that the lab does not have, repository-relative. */
export function missingLabFiles(labDir: string): string[] {
  return REQUIRED_LAB_FILES.filter((file) => !existsSync(join(labDir, file))).map((file) =>
    relative(REPO_ROOT, join(labDir, file)),
  );
}

export async function startPlayground(options: PlaygroundOptions): Promise<RunningPlayground> {
  const started = performance.now();
  const labDir = labFolder(options);
  const labLabel = relative(REPO_ROOT, labDir);
  const missing = missingLabFiles(labDir);
  if (missing.length > 0) {
    throw new PlaygroundError(
      `Песочнице нужен код из ${labLabel}, но этих файлов нет:\n${missing.map((file) => `  • ${file}`).join("\n")}\n` +
        `Песочница работает с лабой, где всё это уже есть: npm run playground -- bauth10.`,
    );
  }

  const cleanups: (() => Promise<void>)[] = [];
  const stop = async (): Promise<void> => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => {});
  };

  try {
    const server = await startPostgres();
    cleanups.push(() => server.stop());
    console.log(`  ${bannerLine(server)}`);
    const postgresDone = performance.now();

    const database = await createDatabase(server.adminUrl, `playground_${options.lab}`);
    cleanups.push(() => database.drop());
    if (!hasMigrations(labDir)) throw new Error(`В ${labDir}/drizzle нет миграций Drizzle Kit: сгенерируйте их (npm run db:generate -- ${options.lab}).`);
    await applyMigrations(labDir, database.url);
    const databaseDone = performance.now();

    const port = options.port ?? (await freePort("localhost"));
    const url = `http://localhost:${port}`;
    const key = `${options.labDir ? "custom" : options.target}-${options.lab}-${options.mode}`;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      // A fresh secret each run: cookies of an earlier run never verify.
      BETTER_AUTH_SECRET: randomBytes(32).toString("base64url"),
      BETTER_AUTH_URL: url,
      DATABASE_URL: database.url,
      PLAYGROUND_LAB: labLabel,
      PLAYGROUND_TSCONFIG: writeTsconfig(labDir, key),
      PLAYGROUND_DIST_DIR: `.next-${key}`,
    };
    // next build/start set NODE_ENV themselves; an inherited "test" would confuse them.
    delete env.NODE_ENV;

    let build = 0;
    if (options.mode === "start") {
      const buildStarted = performance.now();
      await runNext(["build"], env, options.log);
      build = performance.now() - buildStarted;
    }
    const readyStarted = performance.now();
    const child = spawnNext([options.mode, "--port", String(port), "--hostname", "localhost"], env, options.log);
    let stopping = false;
    cleanups.push(() => {
      stopping = true;
      return stopChild(child);
    });
    const crashed = new Promise<number | null>((resolve) => child.once("exit", (code) => !stopping && resolve(code)));
    await waitUntilServing(url, child, options.log);
    const done = performance.now();

    return {
      url,
      labLabel,
      databaseUrl: database.url,
      timings: {
        postgres: postgresDone - started,
        database: databaseDone - postgresDone,
        build,
        ready: done - readyStarted,
        total: done - started,
      },
      crashed,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * One tsconfig per lab and mode, extending playground/tsconfig.json: the only
 * thing that differs is where `@lab/*` points. Next.js may add its own
 * settings to this generated file; the committed one stays untouched.
 */
function writeTsconfig(labDir: string, key: string): string {
  const name = `tsconfig.${key}.generated.json`;
  const labSrc = relative(PLAYGROUND_DIR, join(labDir, "src")).replaceAll("\\", "/");
  const config = {
    extends: "./tsconfig.json",
    compilerOptions: { paths: { "@lab/*": [`${labSrc}/*`] } },
    include: ["next-env.d.ts", "src/**/*.ts", "src/**/*.tsx", `.next-${key}/types/**/*.ts`, `.next-${key}/dev/types/**/*.ts`],
    exclude: ["node_modules"],
  };
  writeFileSync(join(PLAYGROUND_DIR, name), `${JSON.stringify(config, null, 2)}\n`);
  return name;
}

const NEXT_BIN = join(REPO_ROOT, "node_modules", "next", "dist", "bin", "next");

function spawnNext(args: string[], env: NodeJS.ProcessEnv, log: PlaygroundOptions["log"]): ChildProcess {
  if (!existsSync(NEXT_BIN)) throw new PlaygroundError("Next.js не установлен: выполните npm ci в корне репозитория.");
  // A process group of its own, so stopping it also stops the workers next spawns.
  const child = spawn(process.execPath, [NEXT_BIN, ...args], {
    cwd: PLAYGROUND_DIR,
    env,
    detached: true,
    stdio: log === "inherit" ? ["ignore", "inherit", "inherit"] : ["ignore", "pipe", "pipe"],
  });
  if (log !== "inherit") {
    mkdirSync(join(log, ".."), { recursive: true });
    const file = createWriteStream(log, { flags: "a" });
    child.stdout?.pipe(file, { end: false });
    child.stderr?.pipe(file, { end: false });
  }
  // Whatever way this process ends, the Next.js server must not outlive it.
  const killGroup = (): void => {
    if (child.exitCode === null && child.pid) {
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        // Already gone.
      }
    }
  };
  process.once("exit", killGroup);
  child.once("exit", () => process.removeListener("exit", killGroup));
  return child;
}

function runNext(args: string[], env: NodeJS.ProcessEnv, log: PlaygroundOptions["log"]): Promise<void> {
  const child = spawnNext(args, env, log);
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) =>
      code === 0 ? resolve() : reject(new PlaygroundError(`next ${args.join(" ")} завершился с кодом ${code}${logHint(log)}`)),
    );
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    return;
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      // Already gone.
    }
  }, 5_000);
  await exited;
  clearTimeout(timer);
}

/** Next.js is ready when its home page answers 200; in dev that request also compiles it. */
async function waitUntilServing(url: string, child: ChildProcess, log: PlaygroundOptions["log"]): Promise<void> {
  const deadline = Date.now() + 180_000;
  let exitCode: number | null = null;
  child.once("exit", (code) => (exitCode = code ?? -1));
  while (Date.now() < deadline) {
    if (exitCode !== null) throw new PlaygroundError(`Next.js завершился с кодом ${exitCode} до запуска${logHint(log)}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(60_000) });
      if (response.ok) return;
      if (response.status >= 500) {
        throw new PlaygroundError(`Next.js ответил ${response.status} на главной странице${logHint(log)}`);
      }
    } catch (error) {
      if (error instanceof PlaygroundError) throw error;
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new PlaygroundError(`Next.js не ответил на ${url} за 180 с${logHint(log)}`);
}

function logHint(log: PlaygroundOptions["log"]): string {
  return log === "inherit" ? " (подробности выше)." : `. Журнал Next.js: ${relative(REPO_ROOT, log)}`;
}


export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} с`;
}

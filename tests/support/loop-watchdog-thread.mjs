// The watchdog thread of loop-watchdog.ts. Plain JavaScript: a worker thread
// does not go through Vite, and this file must load even when the worker's
// main thread is stuck.
import { writeFileSync } from "node:fs";
import { workerData } from "node:worker_threads";

const { shared, pid, limitMs, tickMs, note } = workerData;
const where = new Int32Array(shared, 0, 2);
const bytes = new Uint8Array(shared, 8);
let lastTick = Atomics.load(where, 0);
let lastChange = Date.now();

setInterval(() => {
  const tick = Atomics.load(where, 0);
  if (tick !== lastTick) {
    lastTick = tick;
    lastChange = Date.now();
    return;
  }
  if (Date.now() - lastChange < limitMs) return;
  const text = new TextDecoder().decode(bytes.slice(0, Atomics.load(where, 1)));
  const [file = "", test = ""] = text.split("\n");
  try {
    writeFileSync(note, JSON.stringify({ file, test, limitMs }));
  } finally {
    process.kill(pid, "SIGKILL");
  }
}, tickMs * 2);

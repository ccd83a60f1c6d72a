/**
 * Runs in every test file (vitest setupFiles), inside its worker process.
 * - the cleanups helpers registered for the file's end (file-cleanup.ts);
 * - the infinite-loop watchdog, told which file and test are running;
 * - Russian messages for Vitest's timeout errors.
 */
import { afterEach, beforeAll, beforeEach, expect } from "vitest";
import "./file-cleanup.ts";
import { recordRunning, startLoopWatchdog } from "./loop-watchdog.ts";
import { translateTimeouts } from "./timeouts.ts";

startLoopWatchdog();
// Setup files run again before each test file, so this names the file even while it is being collected.
recordRunning(expect.getState().testPath ?? "");

beforeAll(() => {
  recordRunning(expect.getState().testPath ?? "");
});

beforeEach(({ task }) => {
  recordRunning(task.file.filepath, task.name);
});

afterEach(({ task }) => {
  translateTimeouts(task.result?.errors);
});

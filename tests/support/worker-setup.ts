/**
 * Runs in every test file (vitest setupFiles), inside its worker process.
 * - the cleanups helpers registered for the file's end (file-cleanup.ts);
 * - the infinite-loop watchdog, told which file and test are running;
 * - Russian messages for Vitest's timeout errors;
 * - each test's reloadWith() undone after it, so tests never depend on their order.
 */
import { afterEach, beforeAll, beforeEach, expect } from "vitest";
import "./file-cleanup.ts";
import { rememberTestEnvironment, restoreTestEnvironment } from "./lab-environment.ts";
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
  rememberTestEnvironment();
});

afterEach(({ task }) => {
  translateTimeouts(task.result?.errors);
  restoreTestEnvironment();
});

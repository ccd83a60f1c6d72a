/**
 * Runs in every test file (vitest setupFiles), inside its worker process.
 * - the cleanups helpers registered for the file's end (file-cleanup.ts);
 * - the infinite-loop watchdog, told which file and test are running;
 * - Russian messages for Vitest's timeout errors;
 * - each test's reloadWith() undone after it, so tests never depend on their order;
 * - Better Auth loaded before any test can change NODE_ENV (see the import below);
 * - Next.js's environment baseline loaded first, as Next.js's own server does (see below).
 */
// Next.js puts AsyncLocalStorage on globalThis before anything else, and its request storage
// captures it once, when first loaded (next/dist/server/app-render/async-local-storage.js).
// Workers run many test files (isolate: false): if a lab's route handler or nextCookies() loaded
// that module first without the baseline, the worker kept a fake storage that throws, and a
// later file failed depending on the order of files.
import "next/dist/server/node-environment-baseline.js";
// Better Auth reads NODE_ENV once, when it is first imported in a process (@better-auth/core's env:
// isProduction is a constant). Loading it here, under Vitest's NODE_ENV=test and before any test
// reloads a lab with NODE_ENV=production, keeps production defaults (the rate limiter among them)
// from leaking into every later file of this worker, whatever order the tests run in.
import "better-auth";
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

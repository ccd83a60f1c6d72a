import { afterAll } from "vitest";

/**
 * Cleanups a helper registers while a test file runs, run when the file ends.
 * Helpers are called from beforeAll, where Vitest ignores a nested afterAll,
 * so they register here instead. The list lives on globalThis: a test may
 * reset the module registry (vi.resetModules) and must not lose it.
 */
type Cleanup = () => Promise<void> | void;
const store = globalThis as typeof globalThis & { __bauthFileCleanups?: Cleanup[] };

export function onFileEnd(cleanup: Cleanup): void {
  (store.__bauthFileCleanups ??= []).push(cleanup);
}

/** Runs in every test file (vitest setupFiles); the last registered cleanup runs first. */
afterAll(async () => {
  const cleanups = store.__bauthFileCleanups ?? [];
  store.__bauthFileCleanups = [];
  const errors: unknown[] = [];
  for (const cleanup of cleanups.reverse()) {
    try {
      await cleanup();
    } catch (error) {
      errors.push(error);
    }
  }
  if (errors.length > 0) throw new AggregateError(errors, "очистка после тестового файла не удалась");
});

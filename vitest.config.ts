import { defineConfig } from "vitest/config";

export default defineConfig(({ mode }) => ({
  test: {
    include: ["tests/**/*.test.ts"],
    // `vitest --mode solutions` grades the reference solutions; LAB_TARGET works too.
    env: { LAB_TARGET: mode === "solutions" ? "solutions" : (process.env.LAB_TARGET ?? "labs") },
    globalSetup: ["tests/support/global-setup.ts"],
    setupFiles: ["tests/support/worker-setup.ts"],
    // Each worker is a forked process that runs one test file after another (isolate: false), so
    // Better Auth is loaded once per worker instead of once per file (about half the run time on two
    // cores). Processes, not threads: a lab stuck in a synchronous loop is killed by the watchdog in
    // worker-setup.ts, and only its own file fails. Two workers keep every file its own task (with
    // one, Vitest hands a worker all files at once, and a killed worker would take them all down).
    // Each grader gets its own lab folder and database, and setupLab() restores process.env and the
    // module registry after its file.
    isolate: false,
    pool: "forks",
    maxWorkers: 2,
    // A student's function that never settles fails its test instead of hanging the run.
    testTimeout: 10_000,
    hookTimeout: 30_000,
    reporters: ["default", "./tests/support/grading-reporter.ts"],
    // Labs print Better Auth's warnings; the grading table is what a student should read.
    silent: "passed-only",
  },
}));

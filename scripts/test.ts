/**
 * `npm test [-- <lab> …] [vitest options]` and `npm run test:solutions`:
 * Vitest's own `vitest run`, with lab ids understood as the helper commands
 * understand them. `4`, `04`, `bauth4` and `bauth04` all mean tests/bauth04;
 * an unknown id lists the valid ones and exits 2. Everything else goes to
 * Vitest unchanged, so its options (`-t`, `--reporter`, …) still work.
 */
import { spawn } from "node:child_process";
import { join, relative } from "node:path";
import { findLab } from "../course/labs.ts";
import { REPO_ROOT } from "../tests/support/lab.ts";
import { graderFilter, normalizeLabId, usageError, validLabsList } from "./lab/cli.ts";

/** Vitest options that take the next argument as their value (`-t name`, `--reporter dot`). */
const TAKES_VALUE = new Set([
  "-t", "--testNamePattern", "--reporter", "--outputFile", "--project", "--mode", "-c", "--config", "-r", "--root",
  "--dir", "--shard", "--pool", "--maxWorkers", "--testTimeout", "--hookTimeout", "--environment", "--exclude",
  "--bail", "--retry", "--seed", "--sequence.seed", "--tags-filter", "--silent", "--changed", "--coverage.reporter",
]);

/** `bauth4`, `04`, `4`: what a student types for a lab. Paths and patterns are not lab ids. */
const LOOKS_LIKE_LAB = /^(?:bauth)?\d{1,3}$/i;

export function vitestArguments(argv: string[]): string[] {
  const args: string[] = [];
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]!;
    if (arg.startsWith("-")) {
      args.push(arg);
      if (TAKES_VALUE.has(arg) && index + 1 < argv.length) args.push(argv[++index]!);
      continue;
    }
    if (!LOOKS_LIKE_LAB.test(arg)) {
      args.push(arg);
      continue;
    }
    const lab = findLab(normalizeLabId(arg));
    if (!lab) usageError(`Лабы «${arg}» нет в курсе. Доступные лабы:\n${validLabsList()}\nНапример: npm test -- bauth04 (или 04, или 4).`);
    args.push(graderFilter(lab.id));
  }
  // A --reporter on the command line replaces the config's reporters; the grading table and
  // the JSON report for the autograder stay whatever else is asked for.
  if (args.some((arg) => arg === "--reporter" || arg.startsWith("--reporter="))) args.push(`--reporter=${GRADING_REPORTER}`);
  return args;
}

const GRADING_REPORTER = "./tests/support/grading-reporter.ts";

if (import.meta.main) {
  const vitest = join(REPO_ROOT, "node_modules", "vitest", "vitest.mjs");
  const child = spawn(process.execPath, [vitest, "run", ...vitestArguments(process.argv.slice(2))], {
    cwd: REPO_ROOT,
    stdio: "inherit",
  });
  // Ctrl-C reaches Vitest from the terminal itself; a kill aimed at this process only (a CI
  // timeout) is passed on, so Vitest stops its workers and PostgreSQL. Either way, wait for it.
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => {
      if (signal !== "SIGINT") child.kill(signal);
    });
  }
  child.once("exit", (code, signal) => {
    if (signal) {
      process.removeAllListeners(signal);
      process.kill(process.pid, signal);
    } else process.exit(code ?? 1);
  });
  child.once("error", (error) => {
    console.error(`Не удалось запустить Vitest (${relative(REPO_ROOT, vitest)}): ${error.message}. Выполните npm ci.`);
    process.exit(1);
  });
}

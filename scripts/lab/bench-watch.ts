/**
 * `npm run bench:watch -- [bauth04] [--runs 5]`: how long the watch mode of
 * `npm run lab` takes to re-grade a lab after a save. It starts the same
 * watch session, rewrites one lab file with its own content (a save that
 * changes nothing), and times each re-grade from the save to the end of the
 * run, grading table included. It prints the figures; it asserts nothing.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { parseArgs } from "node:util";
import { startVitest, type Reporter } from "vitest/node";
import { findLab, labs, type LabInfo } from "../../course/labs.ts";
import { REPO_ROOT } from "../../tests/support/lab.ts";
import { hasGrader, normalizeLabId, studentLabDir, usageError, validLabsList } from "./cli.ts";
import { labWatchPlugin, useCompileCache } from "./watch-config.ts";
import { LabWatchReporter } from "./watch-reporter.ts";

const NO_RERUN_LIMIT_MS = 30_000;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { runs: { type: "string", default: "5" }, verbose: { type: "boolean", default: false } },
});
const lab = pickLab(positionals[0]);
const runs = Math.max(1, Number.parseInt(values.runs, 10) || 5);
const file = savedFile(lab.id);

// The timings reach this script through a reporter that runs after the course's own ones.
let runEnded: (() => void) | undefined;
let rerunStartedAt = 0;
const timer: Reporter = {
  onWatcherRerun: () => {
    rerunStartedAt = performance.now();
  },
  onTestRunEnd: () => runEnded?.(),
};

// The same settings as `npm run lab`, so the figure is the student's.
useCompileCache();
const output = hideOutput(values.verbose);
// The benchmark's reports are throwaway: they must not replace the student's real ones.
process.env.GRADING_REPORT = join(mkdtempSync(join(tmpdir(), "bauth-bench-")), "grading.json");
const firstRun = nextRunEnd();
const started = performance.now();
const vitest = await startVitest([lab.id], { watch: true }, { plugins: [labWatchPlugin(lab, [new LabWatchReporter(lab), timer])] });
await firstRun;
const firstMs = performance.now() - started;

const samples: { totalMs: number; detectMs: number }[] = [];
try {
  for (let index = 0; index < runs; index += 1) {
    const ended = nextRunEnd();
    const savedAt = performance.now();
    rerunStartedAt = 0;
    writeFileSync(file, readFileSync(file));
    await ended;
    const endedAt = performance.now();
    samples.push({ totalMs: endedAt - savedAt, detectMs: rerunStartedAt ? rerunStartedAt - savedAt : Number.NaN });
  }
} catch (error) {
  output.restore(true);
  console.error(`❌ ${(error as Error).message}`);
  await vitest.close();
  process.exit(1);
}
await vitest.close();
output.restore(false);

const totals = samples.map((sample) => sample.totalMs).sort((a, b) => a - b);
const median = totals[Math.floor(totals.length / 2)]!;
console.log(`Перепроверка ${lab.id} в режиме наблюдения после сохранения ${relative(REPO_ROOT, file)}:`);
console.log(`  первый запуск (PostgreSQL + проверка): ${seconds(firstMs)}`);
samples.forEach((sample, index) => {
  console.log(`  сохранение ${index + 1}: ${seconds(sample.totalMs)} (Vitest заметил изменение через ${seconds(sample.detectMs)})`);
});
console.log(`  медиана: ${seconds(median)}, минимум: ${seconds(totals[0]!)}, максимум: ${seconds(totals.at(-1)!)} (цель — меньше 2 с)`);
console.log(`RESULT watch-regrade-median-ms=${Math.round(median)}`);

function nextRunEnd(): Promise<void> {
  return new Promise((resolve, reject) => {
    const limit = setTimeout(() => reject(new Error(`после сохранения Vitest не перезапустил проверку за ${NO_RERUN_LIMIT_MS / 1000} с`)), NO_RERUN_LIMIT_MS);
    runEnded = () => {
      clearTimeout(limit);
      runEnded = undefined;
      resolve();
    };
  });
}

/** The lab given on the command line, or the newest lab that has a grader. */
function pickLab(raw: string | undefined): LabInfo {
  if (raw) {
    const lab = findLab(normalizeLabId(raw));
    if (!lab) usageError(`Лабы «${raw}» нет в курсе. Доступные лабы:\n${validLabsList()}`);
    if (!hasGrader(lab.id) || !existsSync(studentLabDir(lab.id))) usageError(`У лабы ${lab.id} нет папки labs/${lab.id} или тестов автопроверки.`);
    return lab;
  }
  const graded = labs.filter((lab) => hasGrader(lab.id) && existsSync(studentLabDir(lab.id)));
  const preferred = graded.find((lab) => lab.id === "bauth04") ?? graded.at(-1);
  if (!preferred) usageError("Ни у одной лабы нет тестов автопроверки: замерять нечего.");
  return preferred;
}

/** The file a student would save: the lab's Better Auth instance, which every grader imports. */
function savedFile(id: string): string {
  for (const candidate of ["src/lib/auth.ts", "src/db/index.ts", "src/lib/env.ts"]) {
    const path = join(studentLabDir(id), candidate);
    if (existsSync(path)) return path;
  }
  usageError(`В labs/${id} нет ни src/lib/auth.ts, ни src/db/index.ts: нечего сохранять.`);
}

function seconds(ms: number): string {
  return Number.isNaN(ms) ? "?" : `${(ms / 1000).toFixed(2)} с`;
}

/** Vitest's and the grading table's output is kept back and shown only when something fails. */
function hideOutput(verbose: boolean): { restore(show: boolean): void } {
  if (verbose) return { restore: () => {} };
  const chunks: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  const writeErr = process.stderr.write.bind(process.stderr);
  const capture = ((chunk: string | Uint8Array) => {
    chunks.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString());
    return true;
  }) as typeof process.stdout.write;
  process.stdout.write = capture;
  process.stderr.write = capture;
  return {
    restore(show) {
      process.stdout.write = write;
      process.stderr.write = writeErr;
      if (show) write(chunks.join(""));
    },
  };
}

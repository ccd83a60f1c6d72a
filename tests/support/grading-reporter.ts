import { mkdirSync, writeFileSync } from "node:fs";
import { basename, dirname } from "node:path";
import type { Reporter, TestModule, Vitest } from "vitest/node";
import { buildReport, formatReport, mergeReports, type LabRun, type TestOutcome } from "./grading-report.ts";
import { type LabTarget } from "./lab.ts";
import { readReport, reportPath } from "./report-file.ts";
import { clearLoopNotes, loopMessage, takeLoopNotes } from "./loop-watchdog.ts";
import { isTimeoutError, timeoutMessage } from "./timeouts.ts";

/**
 * Adds the course's grading to Vitest's own output: a per-lab table in
 * Russian, the score, and a JSON report for autograders. Vitest's exit code is
 * left as it is: non-zero while any test fails (a worker killed for an
 * infinite loop counts as a failure too).
 */
export default class GradingReporter implements Reporter {
  private target: LabTarget = "labs";

  onInit(vitest: Vitest): void {
    // The target reaches the workers through `test.env`; this process reads it from the config.
    this.target = vitest.config.env.LAB_TARGET === "solutions" ? "solutions" : "labs";
  }

  onTestRunStart(): void {
    clearLoopNotes(process.pid);
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const runs = new Map<string, LabRun>();
    const runOf = (id: string): LabRun => {
      const run = runs.get(id) ?? { tests: [], errors: [] };
      runs.set(id, run);
      return run;
    };
    for (const module of modules) {
      const id = labIdOf(module.moduleId);
      if (!id) continue;
      const run = runOf(id);
      run.tests.push(...outcomes(module));
      run.errors.push(...module.errors().map((error) => russian(error)));
    }
    // A worker the loop watchdog killed left a note: that lab fails with the reason, first.
    for (const note of takeLoopNotes(process.pid)) {
      const id = labIdOf(note.file);
      if (id) runOf(id).errors.unshift(loopMessage(id, note));
    }
    if (runs.size === 0) return;

    const report = buildReport(this.target, runs);
    const path = reportPath();
    const kept = mergeReports(readReport(path), report);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, `${JSON.stringify(kept, null, 2)}\n`);
    process.stdout.write(formatReport(report, path, kept));
  }
}

/** `tests/bauth04.test.ts` and `tests/bauth04/*.test.ts` both grade lab bauth04. */
function labIdOf(moduleId: string): string | undefined {
  const match = /[\\/]tests[\\/](bauth\d{2})(?:\.test\.ts$|[\\/])/.exec(moduleId);
  return match?.[1] ?? basename(moduleId).match(/^(bauth\d{2})/)?.[1];
}

function outcomes(module: TestModule): TestOutcome[] {
  return [...module.children.allTests()].map((test) => {
    const result = test.result();
    const first = result.state === "failed" ? result.errors[0] : undefined;
    const error = first ? russian(first) : undefined;
    const labError = first?.name === "LabError";
    return { name: test.name, passed: result.state === "passed", ...(error ? { error } : {}), ...(labError ? { labError } : {}) };
  });
}

/** Hook timeouts never pass through the worker's translation; tests' do, this is the fallback. */
function russian(error: { name?: string; message: string }): string {
  return isTimeoutError(error) ? timeoutMessage(error.message) : error.message;
}

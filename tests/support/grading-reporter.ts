import { mkdirSync, writeFileSync } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import type { Reporter, TestModule, Vitest } from "vitest/node";
import { buildReport, formatReport, type LabRun, type TestOutcome } from "./grading-report.ts";
import { REPO_ROOT, type LabTarget } from "./lab.ts";

/** Where the machine-readable report goes unless GRADING_REPORT names another file. */
export const DEFAULT_REPORT_PATH = ".reports/grading.json";

/**
 * Adds the course's grading to Vitest's own output: a per-lab table in
 * Russian, the score, and a JSON report for autograders. Vitest's exit code is
 * left as it is: non-zero while any test fails.
 */
export default class GradingReporter implements Reporter {
  private target: LabTarget = "labs";

  onInit(vitest: Vitest): void {
    // The target reaches the workers through `test.env`; this process reads it from the config.
    this.target = vitest.config.env.LAB_TARGET === "solutions" ? "solutions" : "labs";
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const runs = new Map<string, LabRun>();
    for (const module of modules) {
      const id = labIdOf(module.moduleId);
      if (!id) continue;
      const run = runs.get(id) ?? { tests: [], errors: [] };
      run.tests.push(...outcomes(module));
      run.errors.push(...module.errors().map((error) => error.message));
      runs.set(id, run);
    }
    if (runs.size === 0) return;

    const report = buildReport(this.target, runs);
    const path = resolve(REPO_ROOT, process.env.GRADING_REPORT ?? DEFAULT_REPORT_PATH);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, `${JSON.stringify(report, null, 2)}\n`);
    process.stdout.write(formatReport(report, path));
  }
}

/** `tests/bauth04.test.ts` and `tests/bauth04/*.test.ts` both grade lab bauth04. */
function labIdOf(moduleId: string): string | undefined {
  const match = /\/tests\/(bauth\d{2})(?:\.test\.ts$|\/)/.exec(moduleId);
  return match?.[1] ?? (basename(moduleId).match(/^(bauth\d{2})/)?.[1]);
}

function outcomes(module: TestModule): TestOutcome[] {
  return [...module.children.allTests()].map((test) => {
    const result = test.result();
    const error = result.state === "failed" ? result.errors[0]?.message : undefined;
    return { name: test.name, passed: result.state === "passed", ...(error ? { error } : {}) };
  });
}

import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { GradingReport } from "../../tests/support/grading-report.ts";
import { localBin, runCommand } from "./run-command.ts";

export interface GradeRun {
  code: number | null;
  output: string;
  /** The grading reporter's JSON report, or undefined when Vitest wrote none. */
  report: GradingReport | undefined;
}

/**
 * One `vitest run` with the course's grading reporter (and the terse dot
 * reporter), into a report file of its own: the way verify, the mutants and
 * the tests-alone check grade. `target` is LAB_TARGET (labs, solutions or a
 * folder inside the repository).
 */
export async function gradeRun(target: string, args: string[], databaseUrl: string): Promise<GradeRun> {
  const dir = mkdtempSync(join(tmpdir(), "bauth-grade-"));
  const reportPath = join(dir, "report.json");
  try {
    const { code, output } = await runCommand(
      localBin("vitest"),
      ["run", ...args, "--reporter=dot", "--reporter=./tests/support/grading-reporter.ts"],
      { env: { LAB_TARGET: target, TEST_DATABASE_URL: databaseUrl, GRADING_REPORT: reportPath } },
    );
    let report: GradingReport | undefined;
    try {
      report = JSON.parse(readFileSync(reportPath, "utf8")) as GradingReport;
    } catch {
      report = undefined;
    }
    return { code, output, report };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

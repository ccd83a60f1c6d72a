import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { labs } from "../../course/labs.ts";
import { buildReport, type GradingReport, type LabRun } from "./grading-report.ts";
import { REPO_ROOT } from "./lab.ts";

/** Where the report goes (GRADING_REPORT, else .reports/grading.json). */
export function reportPath(): string {
  return resolve(REPO_ROOT, process.env.GRADING_REPORT ?? ".reports/grading.json");
}

/**
 * A report for a run that could not grade at all (Node too old, for one):
 * every lab failed with 0 points and the reason, so an autograder still has
 * a result to show. Returns the path it wrote.
 */
export function writeUngradedReport(reason: string, target: GradingReport["target"]): string {
  const runs = new Map<string, LabRun>(labs.map((lab) => [lab.id, { tests: [], errors: [reason] }]));
  const path = reportPath();
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(buildReport(target, runs), null, 2)}\n`);
  return path;
}

/** Reads a grading report, or undefined when it is missing, unreadable, or of another schema version. */
export function readReport(path: string): GradingReport | undefined {
  try {
    const report = JSON.parse(readFileSync(path, "utf8")) as GradingReport;
    return report.schemaVersion === 1 && Array.isArray(report.labs) ? report : undefined;
  } catch {
    return undefined;
  }
}

import { existsSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { labs, type LabInfo } from "../../course/labs.ts";
import type { GradingReport, LabResult } from "../../tests/support/grading-report.ts";
import { REPO_ROOT } from "../../tests/support/lab.ts";
import { readReport } from "../../tests/support/report-file.ts";
import { listFiles } from "./starter.ts";

export interface LatestResult {
  lab: LabInfo;
  result: LabResult | undefined;
  /** Repository-relative report the result comes from. */
  reportFile: string | undefined;
  finishedAt: Date | undefined;
}

/**
 * Each lab's newest graded result among the main report and the watch
 * sessions' reports (`lab-<id>.json` next to it). Reports of solutions/ are
 * the lecturer's and never count as the student's progress.
 */
export function latestResults(mainReport: string): LatestResult[] {
  const folder = join(mainReport, "..");
  const candidates = [mainReport];
  if (existsSync(folder)) {
    candidates.push(...readdirSync(folder).filter((name) => /^lab-bauth\d{2}\.json$/.test(name)).map((name) => join(folder, name)));
  }
  const reports = candidates
    .map((path) => ({ path, report: existsSync(path) ? readReport(path) : undefined }))
    .filter((entry): entry is { path: string; report: GradingReport } => entry.report?.target === "labs");

  return labs.map((lab) => {
    let best: LatestResult = { lab, result: undefined, reportFile: undefined, finishedAt: undefined };
    for (const { path, report } of reports) {
      const result = report.labs.find((entry) => entry.id === lab.id);
      if (!result || result.status === "not-run") continue;
      // A merged report keeps each lab's own grading time.
      const finishedAt = new Date(result.gradedAt ?? report.finishedAt);
      if (!best.finishedAt || finishedAt > best.finishedAt) best = { lab, result, reportFile: relative(REPO_ROOT, path), finishedAt };
    }
    return best;
  });
}

/** Time of the newest change in the student's lab folder (ms since epoch), 0 if there is none. */
export function newestChange(id: string): number {
  const dir = join(REPO_ROOT, "labs", id);
  return Math.max(0, ...listFiles(dir).map((path) => statSync(join(dir, path)).mtimeMs));
}

import { labs, type LabInfo } from "../../course/labs.ts";

/** The JSON report's shape; README.md documents it for autograders. Bump the version on a breaking change. */
export interface GradingReport {
  schemaVersion: 1;
  target: "labs" | "solutions";
  finishedAt: string;
  /** Points of the labs graded in this run, and the maximum for them. */
  score: { points: number; maxPoints: number };
  /** True when every graded lab passed all its tests. */
  allPassed: boolean;
  labs: LabResult[];
}

export type LabStatus = "passed" | "failed" | "not-run";

export interface LabResult {
  id: string;
  title: string;
  status: LabStatus;
  points: number;
  maxPoints: number;
  tests: { passed: number; failed: number; total: number };
  /** Names of the failed requirements, the student's to-do list. */
  failing: string[];
  /** Names of the requirements that passed. */
  passing: string[];
  /** Why the lab could not be graded at all (a file that does not load, a missing export), if so. */
  error: string | null;
  /** When this lab was graded; a partial run (`npm test -- bauth04`) keeps the other labs' earlier results. */
  gradedAt: string | null;
}

export interface TestOutcome {
  name: string;
  passed: boolean;
  error?: string;
  /** The error is the lab's own breakage (a file that does not load, a missing export), not a failed requirement. */
  labError?: boolean;
}

/** What one lab's grader produced in a run; `errors` are failures outside any test (load errors). */
export interface LabRun {
  tests: TestOutcome[];
  errors: string[];
}

/** Scores are all-or-nothing per lab, as GitHub Classroom grades each step. */
export function buildReport(target: GradingReport["target"], runs: Map<string, LabRun>, now = new Date()): GradingReport {
  return summarize(target, labs.map((lab) => labResult(lab, runs.get(lab.id), now.toISOString())), now);
}

/**
 * The report to keep after a run: this run's labs replace their earlier
 * results, and labs this run did not grade keep theirs, so `npm test -- bauth04`
 * does not make `npm run progress` forget the other labs. Reports of another
 * target or schema are not merged.
 */
export function mergeReports(previous: GradingReport | undefined, current: GradingReport): GradingReport {
  if (!previous || previous.schemaVersion !== current.schemaVersion || previous.target !== current.target) return current;
  const merged = current.labs.map((lab) => {
    if (lab.status !== "not-run") return lab;
    const earlier = previous.labs.find((entry) => entry.id === lab.id);
    if (!earlier || earlier.status === "not-run") return lab;
    // Points follow the current course list, in case a lab's weight changed since.
    const points = earlier.status === "passed" ? lab.maxPoints : 0;
    return { ...lab, ...earlier, title: lab.title, maxPoints: lab.maxPoints, points, gradedAt: earlier.gradedAt ?? previous.finishedAt };
  });
  return summarize(current.target, merged, new Date(current.finishedAt));
}

function summarize(target: GradingReport["target"], results: LabResult[], now: Date): GradingReport {
  const graded = results.filter((lab) => lab.status !== "not-run");
  return {
    schemaVersion: 1,
    target,
    finishedAt: now.toISOString(),
    score: {
      points: sum(graded.map((lab) => lab.points)),
      maxPoints: sum(graded.map((lab) => lab.maxPoints)),
    },
    allPassed: graded.length > 0 && graded.every((lab) => lab.status === "passed"),
    labs: results,
  };
}

function labResult(lab: LabInfo, run: LabRun | undefined, gradedAt: string): LabResult {
  const base = { id: lab.id, title: lab.title, maxPoints: lab.points };
  if (!run) {
    return { ...base, status: "not-run", points: 0, tests: { passed: 0, failed: 0, total: 0 }, failing: [], passing: [], error: null, gradedAt: null };
  }
  const passed = run.tests.filter((test) => test.passed).length;
  const failed = run.tests.length - passed;
  const ok = failed === 0 && run.errors.length === 0 && run.tests.length > 0;
  const firstError = run.errors[0] ?? run.tests.find((test) => test.labError)?.error ?? commonError(run.tests);
  return {
    ...base,
    status: ok ? "passed" : "failed",
    points: ok ? lab.points : 0,
    tests: { passed, failed, total: run.tests.length },
    failing: run.tests.filter((test) => !test.passed).map((test) => test.name),
    passing: run.tests.filter((test) => test.passed).map((test) => test.name),
    error: firstError ?? (run.tests.length === 0 ? "в тестах лабы не найдено ни одного теста" : null),
    gradedAt,
  };
}

/** When every test of a lab failed with the same message, the lab could not be loaded: say it once. */
function commonError(tests: TestOutcome[]): string | undefined {
  const failed = tests.filter((test) => !test.passed);
  const first = failed[0]?.error;
  if (!first || failed.length !== tests.length) return undefined;
  return failed.every((test) => test.error === first) ? first : undefined;
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

const STATUS_LABEL: Record<Exclude<LabStatus, "not-run">, string> = {
  passed: "✅ готово",
  failed: "❌ не готово",
};

/**
 * The table a student reads at the end of `npm test`, in Russian: this run's
 * labs, and the total of the kept report when earlier runs graded other labs.
 */
export function formatReport(report: GradingReport, reportPath: string, kept: GradingReport = report): string {
  const graded = report.labs.filter((lab) => lab.status !== "not-run");
  const notRun = report.labs.filter((lab) => lab.status === "not-run");
  const rows = graded.map((lab) => [
    lab.id,
    lab.title,
    `${lab.tests.passed}/${lab.tests.total}`,
    `${lab.points}/${lab.maxPoints}`,
    STATUS_LABEL[lab.status as Exclude<LabStatus, "not-run">],
  ]);
  const header = ["Лаба", "Тема", "Тесты", "Баллы", "Статус"];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]): string => cells.map((cell, column) => cell.padEnd(widths[column]!)).join("  ");

  const out = [
    "",
    `Итог проверки (${report.target === "labs" ? "ваши лабы, labs/" : "эталонные решения, solutions/"})`,
    line(header),
    line(widths.map((width) => "─".repeat(width))),
    ...rows.map(line),
    "",
    `Баллы: ${report.score.points} из ${report.score.maxPoints}`,
  ];
  if (notRun.length > 0) out.push(`Не проверялись в этом запуске: ${notRun.map((lab) => lab.id).join(", ")}`);
  const keptOnly = kept.labs.filter((lab) => lab.status !== "not-run" && !graded.some((entry) => entry.id === lab.id));
  if (keptOnly.length > 0) {
    out.push(
      `С учётом прошлых запусков (${keptOnly.map((lab) => lab.id).join(", ")}): ${kept.score.points} из ${kept.score.maxPoints}`,
    );
  }
  const todo = report.labs.filter((lab) => lab.status === "failed");
  if (todo.length > 0) {
    out.push("", "Что осталось сделать:");
    for (const lab of todo) {
      out.push(`  ${lab.id} «${lab.title}»`);
      if (lab.error) out.push(`    ⚠ ${lab.error}`);
      else for (const name of lab.failing) out.push(`    • ${name}`);
    }
  }
  out.push("", `Отчёт для автопроверки: ${reportPath}`, "");
  return out.join("\n");
}

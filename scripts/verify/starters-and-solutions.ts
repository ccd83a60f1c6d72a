import { labs } from "../../course/labs.ts";
import type { GradingReport } from "../../tests/support/grading-report.ts";
import { gradeRun } from "../lib/grade-run.ts";

/**
 * Grades `solutions/` (files and tests in a shuffled order, so none leans on an
 * earlier one's rows) and then `labs/`, with the real graders, on the server
 * given in `databaseUrl`, and checks the rule every grader must keep: it
 * passes on the solution, and every single test fails on the starter.
 */
export async function checkStartersAndSolutions(databaseUrl: string): Promise<string[]> {
  const seed = Math.floor(Math.random() * 1_000_000);
  const solutions = await grade("solutions", databaseUrl, ["--sequence.shuffle", `--sequence.seed=${seed}`]);
  const starters = await grade("labs", databaseUrl);
  const problems: string[] = [];
  for (const { id } of labs) {
    const solved = solutions.labs.find((lab) => lab.id === id);
    const starter = starters.labs.find((lab) => lab.id === id);
    if (!solved || solved.status === "not-run") problems.push(`${id}: тесты лабы не запускались на solutions/.`);
    else if (solved.status !== "passed") {
      const why = solved.error ?? solved.failing.join("; ");
      problems.push(
        `${id}: эталонное решение не проходит свои тесты (${solved.tests.passed}/${solved.tests.total}, порядок файлов и тестов перемешан, --sequence.seed=${seed}): ${why}`,
      );
    }
    if (!starter || starter.status === "not-run") problems.push(`${id}: тесты лабы не запускались на labs/.`);
    else {
      for (const name of starter.passing) {
        problems.push(
          `${id}: тест «${name}» проходит на нетронутом стартере, то есть ничего не проверяет и даёт ложный прогресс. ` +
            `Пусть он сначала докажет, что основной путь работает (на стартере он не работает), или проверяет то, чего стартер не делает.`,
        );
      }
    }
  }
  return problems;
}

async function grade(target: "labs" | "solutions", databaseUrl: string, extra: string[] = []): Promise<GradingReport> {
  const started = performance.now();
  // Vitest's exit code is non-zero whenever a test fails, which is expected for labs/: the report decides.
  const { output, report } = await gradeRun(target, extra, databaseUrl);
  console.log(`  ${target}/ проверены за ${((performance.now() - started) / 1000).toFixed(1)} с`);
  if (!report) throw new Error(`Vitest не записал отчёт для ${target}/. Его вывод:\n${output}`);
  return report;
}

/**
 * Every grader test must pass on its own on the solution (`vitest run
 * file:line`), not only after the tests before it have left rows or state
 * behind. Each test runs alone, two at a time, on the server at `databaseUrl`.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import type { GradingReport } from "../../tests/support/grading-report.ts";
import { REPO_ROOT } from "../../tests/support/lab.ts";
import { localBin, runCommand } from "../lib/run-command.ts";

interface ListedTest {
  name: string;
  file: string;
  location?: { line: number };
}

export async function checkTestsAlone(databaseUrl: string, concurrency = 2): Promise<string[]> {
  const listed = await runCommand(localBin("vitest"), ["list", "--json"], { env: { LAB_TARGET: "solutions" } });
  let tests: ListedTest[];
  try {
    tests = JSON.parse(listed.stdout) as ListedTest[];
  } catch {
    return [`vitest list не вернул список тестов:\n${listed.output}`];
  }
  const dir = mkdtempSync(join(tmpdir(), "bauth-alone-"));
  const problems: string[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < tests.length) {
      const index = next++;
      const problem = await runAlone(tests[index]!, databaseUrl, join(dir, `${index}.json`));
      if (problem) problems.push(problem);
    }
  };
  try {
    await Promise.all(Array.from({ length: concurrency }, worker));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`  отдельно запущено тестов: ${tests.length}`);
  return problems.sort();
}

async function runAlone(test: ListedTest, databaseUrl: string, reportPath: string): Promise<string | undefined> {
  const file = relative(REPO_ROOT, test.file);
  const env = { LAB_TARGET: "solutions", TEST_DATABASE_URL: databaseUrl, GRADING_REPORT: reportPath };
  const reporters = ["--reporter=dot", "--reporter=./tests/support/grading-reporter.ts"];
  let target = test.location ? `${file}:${test.location.line}` : file;
  let { code, output } = await runCommand(localBin("vitest"), ["run", target, ...reporters], { env });
  // A module that rewrites stack traces (Next.js does) hides the test's line from Vitest: select it by its full name instead.
  if (/No test found in .* in line/.test(output)) {
    target = `${file} -t "${test.name}"`;
    ({ code, output } = await runCommand(localBin("vitest"), ["run", file, "-t", `^${escapeRegExp(test.name)}$`, ...reporters], { env }));
  }
  let report: GradingReport;
  try {
    report = JSON.parse(readFileSync(reportPath, "utf8")) as GradingReport;
  } catch {
    return `${target}: Vitest не записал отчёт. Вывод:\n${output.slice(-2000)}`;
  }
  const lab = report.labs.find((entry) => entry.status !== "not-run");
  const shortName = test.name.split(" > ").at(-1) ?? test.name;
  if (!lab) return `${target} «${shortName}»: тест не запустился отдельно.`;
  // The line filter runs this one test and skips the rest; Vitest's exit code says whether it failed.
  if (code === 0 && lab.passing.length === 1 && lab.error === null) return undefined;
  const why = lab.error ?? (lab.passing.length === 0 ? "упал или не запустился" : "запустился не один тест");
  return `${lab.id}: тест «${shortName}» не проходит на решении, если запустить его одним (${target}): ${why}. Он зависит от строк или состояния, которые оставили другие тесты.`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

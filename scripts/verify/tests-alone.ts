/**
 * Every grader test must pass on its own on the solution (`vitest run
 * file:line`), not only after the tests before it have left rows or state
 * behind. Each test runs alone, two at a time, on the server at `databaseUrl`.
 */
import { relative } from "node:path";
import { REPO_ROOT } from "../../tests/support/lab.ts";
import { gradeRun } from "../lib/grade-run.ts";
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
  const problems: string[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < tests.length) {
      const problem = await runAlone(tests[next++]!, databaseUrl);
      if (problem) problems.push(problem);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  console.log(`  отдельно запущено тестов: ${tests.length}`);
  return problems.sort();
}

async function runAlone(test: ListedTest, databaseUrl: string): Promise<string | undefined> {
  const file = relative(REPO_ROOT, test.file);
  let target = test.location ? `${file}:${test.location.line}` : file;
  let run = await gradeRun("solutions", [target], databaseUrl);
  // A module that rewrites stack traces (Next.js does) hides the test's line from Vitest: select it by its full name instead.
  if (/No test found in .* in line/.test(run.output)) {
    target = `${file} -t "${test.name}"`;
    run = await gradeRun("solutions", [file, "-t", `^${escapeRegExp(test.name)}$`], databaseUrl);
  }
  const shortName = test.name.split(" > ").at(-1) ?? test.name;
  if (!run.report) return `${target}: Vitest не записал отчёт. Вывод:\n${run.output.slice(-2000)}`;
  const lab = run.report.labs.find((entry) => entry.status !== "not-run");
  if (!lab) return `${target} «${shortName}»: тест не запустился отдельно.`;
  // The filter runs this one test and skips the rest; Vitest's exit code says whether it failed.
  if (run.code === 0 && lab.passing.length === 1 && lab.error === null) return undefined;
  const why = lab.error ?? (lab.passing.length === 0 ? "упал или не запустился" : "запустился не один тест");
  return `${lab.id}: тест «${shortName}» не проходит на решении, если запустить его одним (${target}): ${why}. Он зависит от строк или состояния, которые оставили другие тесты.`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

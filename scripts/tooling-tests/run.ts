/**
 * `npm run test:tooling`, and the entry `npm run verify` calls: checks that
 * the committed Classroom workflow is up to date, then runs the tooling tests
 * (vitest.tooling.config.ts). Lists every problem; exits non-zero on any.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO_ROOT } from "../../tests/support/lab.ts";
import { checkClassroomFiles } from "../classroom/generate-workflow.ts";
import { localBin, runCommand } from "../lib/run-command.ts";

interface VitestJson {
  testResults: { name: string; message?: string; assertionResults: { fullName: string; status: string; failureMessages: string[] }[] }[];
}

/** Problems found, each a line for the student-facing list of `npm run verify`; empty when all is well. */
export async function checkTooling(options: { quiet?: boolean } = {}): Promise<string[]> {
  const problems = checkClassroomFiles(REPO_ROOT);
  const dir = mkdtempSync(join(tmpdir(), "bauth-tooling-"));
  const jsonPath = join(dir, "tooling.json");
  try {
    const { code, output } = await runCommand(
      localBin("vitest"),
      ["run", "--config", "vitest.tooling.config.ts", "--reporter=dot", "--reporter=json", `--outputFile.json=${jsonPath}`],
      { echo: !(options.quiet ?? false) },
    );
    let results: VitestJson | undefined;
    try {
      results = JSON.parse(readFileSync(jsonPath, "utf8")) as VitestJson;
    } catch {
      return [...problems, `тесты инструментов не запустились (код ${code}):\n${output.trim().split("\n").slice(-30).join("\n")}`];
    }
    for (const file of results.testResults) {
      const shown = file.name.replace(`${REPO_ROOT}/`, "");
      if (file.message) problems.push(`${shown}: ${file.message.split("\n")[0]}`);
      for (const test of file.assertionResults.filter((entry) => entry.status === "failed")) {
        problems.push(`${shown} › ${test.fullName}: ${(test.failureMessages[0] ?? "").split("\n")[0]}`);
      }
    }
    if (code !== 0 && problems.length === 0) problems.push(`vitest завершился с кодом ${code}, хотя упавших тестов нет:\n${output.trim()}`);
    return problems;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  const started = performance.now();
  const problems = await checkTooling();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (problems.length > 0) {
    console.error(`\n❌ Инструменты курса: проблем ${problems.length} (${seconds} с)`);
    for (const problem of problems) console.error(`  • ${problem.replaceAll("\n", "\n    ")}`);
    process.exit(1);
  }
  console.log(`\n✅ Инструменты курса в порядке: workflow Classroom актуален, тесты прошли (${seconds} с).`);
}

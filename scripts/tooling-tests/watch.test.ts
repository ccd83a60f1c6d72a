/**
 * `npm run lab` end to end: Vitest's watch mode grades the lab, prints the
 * failing requirements (and the hints while nothing passes), and grades it
 * again after a save in the lab's folder.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import type { GradingReport } from "../../tests/support/grading-report.ts";
import { REPO_ROOT, stripAnsi } from "./helpers.ts";

const LAB = "bauth02";
const WAITING = "👀 Жду изменений";
const temp = mkdtempSync(join(tmpdir(), "bauth-watch-"));
const reportPath = join(temp, "lab.json");
let child: ChildProcess | undefined;
let output = "";

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child!.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
  }
  rmSync(temp, { recursive: true, force: true });
});

it(`npm run lab -- ${LAB}: проверяет, показывает непройденные требования и перепроверяет после сохранения`, async () => {
  child = spawn(process.execPath, ["--import", "tsx", "scripts/lab/watch.ts", LAB], {
    cwd: REPO_ROOT,
    env: { ...process.env, GRADING_REPORT: reportPath, FORCE_COLOR: "0", NO_COLOR: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (chunk: Buffer) => (output += stripAnsi(chunk.toString())));
  child.stderr!.on("data", (chunk: Buffer) => (output += stripAnsi(chunk.toString())));

  await waitFor(() => count(output, WAITING) >= 1, "первая проверка");
  expect(output).toContain(`Итог проверки`);
  const report = JSON.parse(readFileSync(reportPath, "utf8")) as GradingReport;
  const result = report.labs.find((lab) => lab.id === LAB)!;
  expect(result.status).toBe("failed");
  expect(output).toContain("Что осталось сделать:");
  for (const name of result.failing) expect(output).toContain(name);
  // The hints appear exactly when the student has nothing passing yet.
  expect(output.includes(`💡 Подсказки к ${LAB}`)).toBe(result.tests.passed === 0);

  const file = ["src/db/index.ts", "src/lib/auth.ts"].map((path) => join(REPO_ROOT, "labs", LAB, path)).find((path) => existsSync(path))!;
  writeFileSync(file, readFileSync(file));
  await waitFor(() => count(output, WAITING) >= 2, "перепроверка после сохранения");
  expect(count(output, "Итог проверки")).toBeGreaterThanOrEqual(2);
});

function count(text: string, needle: string): number {
  return text.split(needle).length - 1;
}

async function waitFor(condition: () => boolean, what: string, limitMs = 120_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (child?.exitCode !== null && child?.exitCode !== undefined) throw new Error(`npm run lab завершился (${child.exitCode}) до «${what}»:\n${output}`);
    if (Date.now() - started > limitMs) throw new Error(`не дождался: ${what}. Вывод:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

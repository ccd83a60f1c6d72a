/**
 * `npm run progress [-- --run]`: which labs pass, in a few lines. It reads
 * the last grading reports (`npm test` writes .reports/grading.json, the
 * watch mode .reports/lab-<id>.json) and takes each lab's newest result.
 * With no report yet, or with --run, it grades every lab first.
 */
import { existsSync } from "node:fs";
import { join, relative } from "node:path";
import { parseArgs } from "node:util";
import { labs } from "../../course/labs.ts";
import { readReport, reportPath as gradingReportPath } from "../../tests/support/report-file.ts";
import { REPO_ROOT } from "../../tests/support/lab.ts";
import { localBin, runCommand } from "../lib/run-command.ts";
import { usageError } from "./cli.ts";
import { latestResults, newestChange, type LatestResult } from "./reports.ts";

let parsed;
try {
  parsed = parseArgs({ options: { run: { type: "boolean", default: false } }, strict: true });
} catch (error) {
  usageError(`${(error as Error).message}\nЗапуск: npm run progress (или npm run progress -- --run, чтобы сначала проверить все лабы)`);
}
const reportPath = gradingReportPath();

const mainReport = readReport(reportPath);
if (mainReport?.target === "solutions") {
  console.log(`ℹ ${relative(REPO_ROOT, reportPath)} — проверка эталонных решений (npm run test:solutions), в прогресс она не входит.`);
}
const usable = latestResults(reportPath).some((row) => row.result);
if (parsed.values.run || !usable) {
  console.log(parsed.values.run ? "Проверяю все лабы (npm test)…" : "Отчёта о проверке ваших лаб ещё нет: проверяю все лабы (npm test), это займёт минуту-другую…");
  const output = await gradeAll();
  if (readReport(reportPath)?.target !== "labs") {
    console.error(`${output}\nПроверка не записала отчёт ${relative(REPO_ROOT, reportPath)}: её вывод выше.`);
    process.exit(1);
  }
}

const results = latestResults(reportPath);
console.log(formatProgress(results));

function formatProgress(rows: LatestResult[]): string {
  const points = rows.reduce((total, row) => total + (row.result?.points ?? 0), 0);
  const max = labs.reduce((total, lab) => total + lab.points, 0);
  const width = Math.max(...labs.map((lab) => lab.title.length));
  const barLength = 20;
  const filled = Math.round((points / Math.max(max, 1)) * barLength);
  const out = [`Прогресс: ${points} из ${max} баллов  [${"█".repeat(filled)}${"░".repeat(barLength - filled)}]`, ""];
  for (const { lab, result, finishedAt } of rows) {
    const score = result && result.status !== "not-run" ? `${result.points}/${result.maxPoints}` : `—/${lab.points}`;
    const line = (mark: string, note: string): string => `  ${mark} ${lab.id}  ${lab.title.padEnd(width)}  ${score.padStart(5)}  ${note}`;
    if (!existsSync(join(REPO_ROOT, "labs", lab.id))) {
      out.push(line("⬜", "ещё не опубликована"));
      continue;
    }
    if (!result || result.status === "not-run") {
      out.push(line("⬜", "ещё не проверялась"));
      continue;
    }
    const stale = finishedAt && newestChange(lab.id) > finishedAt.getTime() ? " · изменена после проверки" : "";
    if (result.status === "passed") out.push(line("✅", `сдана${stale}`));
    else if (result.error && result.tests.passed === 0) out.push(line("💥", `не загрузилась: ${short(result.error)}${stale}`));
    else out.push(line("❌", `требований выполнено ${result.tests.passed} из ${result.tests.total}${stale}`));
  }
  const sources = [...new Set(rows.filter((row) => row.reportFile).map((row) => `${row.reportFile} (${row.finishedAt?.toLocaleString("ru-RU")})`))];
  out.push("", `Данные: ${sources.join("; ") || "нет"}`);
  const next = rows.find((row) => existsSync(join(REPO_ROOT, "labs", row.lab.id)) && row.result?.status !== "passed");
  out.push(next ? `Дальше: npm run lab -- ${next.lab.id}   (подсказки: npm run hint -- ${next.lab.id})` : "🎉 Все опубликованные лабы сданы.");
  out.push("Обновить данные: npm run progress -- --run");
  return out.join("\n");
}

function short(text: string): string {
  const line = text.split("\n")[0] ?? "";
  return line.length > 90 ? `${line.slice(0, 89)}…` : line;
}

/** Runs the course's grading (the same `vitest run` as npm test) quietly; returns its output. */
async function gradeAll(): Promise<string> {
  return (await runCommand(localBin("vitest"), ["run"])).output;
}

/**
 * `npm run bench:loop`: how long a full run takes when one lab is stuck in a
 * synchronous infinite loop, and whether the other labs are still graded.
 * It grades a copy of solutions/ in which bauth04's signUp() never returns.
 * Prints figures; the goal is a run that ends within 90 s.
 */
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import type { GradingReport } from "../../tests/support/grading-report.ts";
import { REPO_ROOT } from "../../tests/support/lab.ts";
import { runCommand } from "../lib/run-command.ts";

const root = join(REPO_ROOT, ".verify", "bench-loop");
const looping = join(root, "bauth04", "src", "server", "auth", "sign-up.ts");
rmSync(root, { recursive: true, force: true });
cpSync(join(REPO_ROOT, "solutions"), root, { recursive: true });
const source = readFileSync(looping, "utf8");
const patched = source.replace(/(export async function signUp\([^)]*\)[^{]*\{)/, "$1\n  for (;;) {}");
if (patched === source) throw new Error(`не нашёл signUp() в ${relative(REPO_ROOT, looping)}`);
writeFileSync(looping, patched);

const reportPath = join(root, "report.json");
try {
  const started = performance.now();
  const result = await runCommand("npm", ["run", "--silent", "test", "--", "--reporter=dot"], {
    env: { LAB_TARGET: relative(REPO_ROOT, root), GRADING_REPORT: reportPath },
  });
  const seconds = (performance.now() - started) / 1000;
  if (!existsSync(reportPath)) throw new Error(`npm test не записал отчёт. Его вывод:\n${result.output.slice(-3000)}`);
  const report = JSON.parse(readFileSync(reportPath, "utf8")) as GradingReport;
  const loopLab = report.labs.find((lab) => lab.id === "bauth04")!;
  const others = report.labs.filter((lab) => lab.id !== "bauth04");
  console.log(`прогон с бесконечным циклом в bauth04 закончился за ${seconds.toFixed(1)} с (цель: не больше 90 с), код выхода ${result.code}`);
  console.log(`bauth04: ${loopLab.status}, ${loopLab.points} баллов; причина: ${loopLab.error ?? "—"}`);
  console.log(`остальные лабы: сдано ${others.filter((lab) => lab.status === "passed").length} из ${others.length}`);
} finally {
  rmSync(root, { recursive: true, force: true });
}

/**
 * Everything the repository's `verify` needs for the deck, in order:
 * the static check, `npm run build`, then the browser walk of each lecture in dist/.
 * Returns the list of problems (empty = the deck is fine) and prints timings.
 *
 *   npx tsx scripts/deck/verify-deck.ts
 *   import { verifyDeck } from "./deck/verify-deck";
 */
import { runCommand } from "../lib/run-command.ts";
import path from "node:path";
import process from "node:process";
import { fileURLToPath } from "node:url";
import { walkDeck } from "./browser-walk";
import { checkDeck } from "./check";
import { lectures } from "../../course/lectures";
import { repoRoot } from "./deck-source";

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} с`;
}

async function runBuild(): Promise<{ code: number; output: string }> {
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const { code, output } = await runCommand(npm, ["run", "build"], { cwd: repoRoot });
  return { code: code ?? 1, output };
}

export async function verifyDeck(): Promise<string[]> {
  const problems: string[] = [];

  let started = performance.now();
  const checkProblems = await checkDeck();
  console.log(`[deck] статическая проверка: ${checkProblems.length === 0 ? "ок" : `проблем ${checkProblems.length}`} (${seconds(performance.now() - started)})`);
  problems.push(...checkProblems);

  started = performance.now();
  const build = await runBuild();
  const buildMs = performance.now() - started;
  if (build.code !== 0) {
    const tail = build.output.trim().split("\n").slice(-25).join("\n");
    problems.push(`\`npm run build\` завершился с кодом ${build.code}. Последние строки вывода:\n${tail}`);
    console.log(`[deck] сборка: ОШИБКА (${seconds(buildMs)})`);
    return problems;
  }
  console.log(`[deck] сборка: ок (${seconds(buildMs)})`);

  for (const lecture of lectures) {
    const walk = await walkDeck(lecture);
    console.log(
      `[deck] обход ${lecture.entry} в Chromium: слайдов ${walk.slides}, диаграмм ${walk.diagrams}, ${walk.problems.length === 0 ? "ок" : `проблем ${walk.problems.length}`} (${seconds(walk.ms)}); снимки: .artifacts/deck/${lecture.out}/`,
    );
    problems.push(...walk.problems.map((problem) => `${lecture.entry}: ${problem}`));
  }
  return problems;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const problems = await verifyDeck();
  if (problems.length > 0) {
    console.error(`Колода: найдено проблем: ${problems.length}`);
    for (const problem of problems) console.error(`  ✗ ${problem}`);
    process.exitCode = 1;
  } else {
    console.log("Колода: всё в порядке.");
  }
}

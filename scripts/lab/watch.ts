/**
 * `npm run lab -- bauth04`: Vitest's own watch mode on one lab's grader.
 * Every save in the lab re-grades it; the course's grading reporter prints
 * the failing requirements, and the lab's hints appear while nothing passes.
 */
import { hasGrader, parseLabCommand, requirePublished, usageError } from "./cli.ts";

const { lab } = parseLabCommand("lab", {});
requirePublished(lab);
if (!hasGrader(lab.id)) usageError(`У лабы ${lab.id} ещё нет тестов автопроверки tests/${lab.id}.test.ts: проверять пока нечего.`);

console.log(`🧪 ${lab.id} «${lab.title}»: проверка в режиме наблюдения. Первый запуск поднимает PostgreSQL, дальше быстрее.`);

// Loaded only after the arguments are checked: a typo in the lab id is answered at once.
const { startVitest } = await import("vitest/node");
const { labWatchPlugin, useCompileCache, watchReportPath } = await import("./watch-config.ts");
useCompileCache();
// The watch session keeps its own report, so the full report of `npm test` stays for `npm run progress`.
process.env.GRADING_REPORT ??= watchReportPath(lab.id);
const vitest = await startVitest([lab.id], { watch: true }, { plugins: [labWatchPlugin(lab)] });
// Without a TTY (an editor's task runner) Vitest keeps watching until the process is stopped.
if (!vitest.shouldKeepServer()) await vitest.close();

/**
 * `npm run verify`: the course's self-test. It checks that the course itself
 * is sound (not a student's work) and lists every problem before failing.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { bannerLine, startPostgres } from "../tests/support/postgres/provider.ts";
import { FORCE_PROVIDER_VAR } from "../tests/support/postgres/types.ts";
import { REPO_ROOT } from "../tests/support/lab.ts";
import { verifyDeck } from "./deck/verify-deck.ts";
import { checkPlayground } from "./playground/e2e.ts";
import { checkTooling } from "./tooling-tests/run.ts";
import { checkAnswerLeak } from "./verify/answer-leak.ts";
import { checkLabStructure } from "./verify/lab-structure.ts";
import { checkMigrationsMatchSchemas } from "./verify/migrations.ts";
import { checkMutantsAndAlternatives } from "./verify/mutants.ts";
import { checkStartersAndSolutions } from "./verify/starters-and-solutions.ts";
import { checkTestsAlone } from "./verify/tests-alone.ts";

type Check = { title: string; run: () => string[] | Promise<string[]> };

// One PostgreSQL for everything verify starts: both grading runs, the tooling tests'
// `npm test` runs and the playground reach it through TEST_DATABASE_URL (the URL provider).
const server = await startPostgres();
console.log(bannerLine(server));
process.env.TEST_DATABASE_URL = server.adminUrl;
// A forced provider (BAUTH_PG_PROVIDER=embedded) chose this server; left in the environment, it would
// also make every child run start a server of its own and ignore the URL (measured on 2 cores: 1710 s instead of 1199 s).
delete process.env[FORCE_PROVIDER_VAR];

const checks: Check[] = [
  { title: "Типы: labs, solutions, tests, scripts, snippets (tsc --noEmit)", run: typecheck },
  { title: "Контракт лаб: стартер, решение, тесты, README, подсказки, TODO", run: checkLabStructure },
  { title: "Ответ не виден до решения: README, стартеры, слайды (npm run leak)", run: checkAnswerLeak },
  { title: "Миграции решений совпадают со схемами (drizzle-kit generate)", run: checkMigrationsMatchSchemas },
  { title: "Тесты лаб: решение проходит в любом порядке тестов, каждый тест падает на стартере", run: () => checkStartersAndSolutions(server.adminUrl) },
  { title: "Тесты лаб: каждый тест проходит на решении и отдельно от остальных", run: () => checkTestsAlone(server.adminUrl) },
  { title: "Тесты лаб ловят мутантов (mutants/) и принимают альтернативы (alternatives/)", run: () => checkMutantsAndAlternatives(server.adminUrl) },
  { title: "Инструменты студента и GitHub Classroom", run: () => checkTooling({ quiet: true }) },
  { title: "Лекция: код на слайдах, значки лаб, сборка, обход в Chromium", run: verifyDeck },
  { title: "Песочница: Next.js с solutions/bauth10 и solutions/bauth15, e2e в Chromium", run: checkPlayground },
];

let failed = 0;
let failedChecks = 0;
const started = performance.now();
try {
  await runChecks();
} finally {
  await server.stop();
}

async function runChecks(): Promise<void> {
  for (const check of checks) {
    const checkStarted = performance.now();
    console.log(`\n▶ ${check.title}`);
    const problems = await check.run();
    const seconds = ((performance.now() - checkStarted) / 1000).toFixed(1);
    if (problems.length === 0) {
      console.log(`  ✅ в порядке (${seconds} с)`);
      continue;
    }
    failed += problems.length;
    failedChecks += 1;
    console.log(`  ❌ проблем: ${problems.length} (${seconds} с)`);
    for (const problem of problems) console.log(`   • ${problem.replaceAll("\n", "\n     ")}`);
  }
}

const total = ((performance.now() - started) / 1000).toFixed(1);
if (failed > 0) console.log(`\nНайдено проблем: ${failed} (${total} с). Исправьте их — список выше.`);
else console.log(`\nКурс в порядке (${total} с).`);
// The plain closing line CI tools read: checks passed, checks failed.
console.log(`verify: ${checks.length - failedChecks} passed, ${failedChecks} failed`);
process.exit(failed > 0 ? 1 : 0);

function typecheck(): string[] {
  const result = spawnSync(join(REPO_ROOT, "node_modules", ".bin", "tsc"), ["--noEmit", "-p", "tsconfig.json"], {
    cwd: REPO_ROOT,
    encoding: "utf8",
  });
  if (result.status === 0) return [];
  const errors = `${result.stdout}${result.stderr}`.trim().split("\n").filter(Boolean);
  return errors.length > 0 ? errors : [`tsc завершился с кодом ${result.status}`];
}

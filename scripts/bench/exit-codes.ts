/**
 * `npm run bench:exit-codes [-- 30]`: N consecutive cold `npm run test:solutions`
 * runs, each starting its own PostgreSQL. Every one must exit 0: in GitHub
 * Classroom the exit code is the grade. For maintainers, not CI (about 10 s a run).
 */
import { runCommand } from "../lib/run-command.ts";

const runs = Number(process.argv[2] ?? 30);
const failures: { run: number; code: number | null; tail: string }[] = [];
const started = performance.now();
for (let run = 1; run <= runs; run++) {
  const runStarted = performance.now();
  const result = await runCommand("npm", ["run", "--silent", "test:solutions", "--", "--reporter=dot"]);
  const seconds = ((performance.now() - runStarted) / 1000).toFixed(1);
  if (result.code !== 0) failures.push({ run, code: result.code, tail: result.output.split("\n").slice(-30).join("\n") });
  console.log(`прогон ${run}/${runs}: код выхода ${result.code} за ${seconds} с`);
}
console.log(`\nкод 0 у ${runs - failures.length} из ${runs} прогонов (${((performance.now() - started) / 1000).toFixed(0)} с всего)`);
for (const failure of failures) console.log(`\n— прогон ${failure.run}, код ${failure.code}:\n${failure.tail}`);
process.exit(failures.length > 0 ? 1 : 0);

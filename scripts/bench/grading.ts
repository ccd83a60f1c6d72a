/**
 * `npm run bench:grading`: the cold wall time of `npm run test:solutions`,
 * with the PostgreSQL start measured on its own. Prints figures; asserts nothing.
 */
import { spawnSync } from "node:child_process";
import { labs } from "../../course/labs.ts";
import { REPO_ROOT } from "../../tests/support/lab.ts";
import { bannerLine, startPostgres } from "../../tests/support/postgres/provider.ts";

const runs = Number(process.argv[2] ?? 3);
const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} с`;

const startTimes: number[] = [];
const gradingTimes: number[] = [];
for (let run = 1; run <= runs; run++) {
  const started = performance.now();
  const server = await startPostgres();
  startTimes.push(performance.now() - started);
  if (run === 1) console.log(bannerLine(server));
  await server.stop();

  const gradingStarted = performance.now();
  const result = spawnSync("npm", ["run", "--silent", "test:solutions"], {
    cwd: REPO_ROOT,
    encoding: "utf8",
  });
  gradingTimes.push(performance.now() - gradingStarted);
  if (result.status !== 0) {
    console.error(`${result.stdout}${result.stderr}`);
    throw new Error("npm run test:solutions упал: сначала почините решения");
  }
  console.log(`прогон ${run}: PostgreSQL стартовал за ${seconds(startTimes.at(-1)!)}, test:solutions целиком — ${seconds(gradingTimes.at(-1)!)}`);
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
console.log(`\nмедиана из ${runs}: старт PostgreSQL ${seconds(median(startTimes))}; test:solutions (со стартом сервера внутри) ${seconds(median(gradingTimes))}`);
console.log(`на одну лабу (${labs.length}): ${seconds(median(gradingTimes) / labs.length)} (цель: не больше 1,00 с)`);

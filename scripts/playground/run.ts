/**
 * `npm run playground -- bauth10 [--solutions] [--port 3000] [--prod]`:
 * the lab's auth code in a real Next.js app on localhost. Ctrl-C stops
 * Next.js and the database.
 */
import { parseArgs } from "node:util";
import { findLab, labs } from "../../course/labs.ts";
import { labTarget } from "../../tests/support/lab.ts";
import { PlaygroundError, seconds, startPlayground } from "./server.ts";

const USAGE = "Запуск: npm run playground -- bauth10 [--solutions] [--port 3000] [--prod]";

function usageError(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({
    options: {
      solutions: { type: "boolean" },
      port: { type: "string" },
      prod: { type: "boolean" },
      // A lab folder of your own (e.g. a copy you experiment in), instead of labs/ or solutions/.
      "lab-dir": { type: "string" },
    },
    allowPositionals: true,
  });
} catch (error) {
  usageError((error as Error).message);
}
const { values, positionals } = parsed;
if (positionals.length > 1) usageError(`Лишние аргументы: ${positionals.slice(1).join(" ")}.`);
// "bauth10", "10": the same lab; bauth10 when none is given, the only lab with the whole app.
const digits = /^(?:bauth)?(\d{1,2})$/i.exec(positionals[0]?.trim() ?? "10")?.[1];
const lab = findLab(digits ? `bauth${digits.padStart(2, "0")}` : (positionals[0] ?? ""));
if (!lab) usageError(`Лабы «${positionals[0]}» нет в курсе. Лабы: ${labs.map((item) => item.id).join(", ")}.`);
let target: "labs" | "solutions";
try {
  target = values.solutions ? "solutions" : labTarget();
} catch (error) {
  usageError((error as Error).message);
}
const port = values.port === undefined ? undefined : Number(values.port);
if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) {
  usageError(`--port ${values.port}: нужен номер порта, например --port 3000.`);
}

const startedAt = new Date();
console.log(
  `🧪 Песочница ${lab.id} «${lab.title}» на коде ${target}/${lab.id} ` +
    `(${values.prod ? "next build + next start" : "next dev"}), старт в ${startedAt.toLocaleTimeString("ru-RU")}`,
);

let playground;
try {
  playground = await startPlayground({
    lab: lab.id,
    target,
    mode: values.prod ? "start" : "dev",
    port,
    log: "inherit",
    labDir: values["lab-dir"],
  });
} catch (error) {
  console.error(`\n❌ ${error instanceof PlaygroundError ? error.message : String(error)}`);
  process.exit(1);
}

const { timings } = playground;
console.log(
  `\n✅ Песочница готова за ${seconds(timings.total)} ` +
    `(PostgreSQL ${seconds(timings.postgres)}, миграции ${seconds(timings.database)}` +
    `${timings.build ? `, сборка ${seconds(timings.build)}` : ""}, Next.js ${seconds(timings.ready)}).\n` +
    `   Откройте ${playground.url} — код из ${playground.labLabel}. Остановить: Ctrl-C.\n`,
);

let stopping = false;
void playground.crashed.then(async (code) => {
  console.error(`\n❌ Next.js завершился сам (код ${code}). Останавливаю PostgreSQL.`);
  stopping = true;
  await playground.stop();
  process.exit(1);
});
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log("\nОстанавливаю Next.js и PostgreSQL…");
    void playground.stop().then(() => process.exit(0));
  });
}

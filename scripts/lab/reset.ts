/**
 * `npm run reset -- bauth04 [--yes]`: puts the lab's starter back. The
 * student's files are always copied to `.backups/<id>-<time>/` first, and on
 * a terminal the command asks before touching anything; elsewhere (a script,
 * an editor task) it needs `--yes`.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join, relative } from "node:path";
import { createInterface } from "node:readline/promises";
import { REPO_ROOT } from "../../tests/support/lab.ts";
import { parseLabCommand, studentLabDir, usageError } from "./cli.ts";
import { listFiles, materialize, readStarter } from "./starter.ts";

const { lab, values } = parseLabCommand("reset", { yes: { type: "boolean", short: "y", default: false } });
const dir = studentLabDir(lab.id);
const starter = readStarter(lab.id);
if (typeof starter === "string") {
  console.error(starter);
  process.exit(1);
}

const current = listFiles(dir);
const changed = current.filter((path) => !starter.files.has(path) || !sameContent(join(dir, path), starter.files.get(path)!));
const missing = [...starter.files.keys()].filter((path) => !current.includes(path));
if (changed.length === 0 && missing.length === 0) {
  console.log(`labs/${lab.id} и так совпадает с исходной заготовкой (${starter.source}). Ничего не меняю.`);
  process.exit(0);
}

console.log(`Сброс ${lab.id} «${lab.title}» к исходной заготовке (${starter.source}).`);
console.log(`Будут заменены или удалены ваши файлы (${changed.length}): ${changed.join(", ") || "—"}`);
if (missing.length > 0) console.log(`Будут восстановлены (${missing.length}): ${missing.join(", ")}`);

if (!values.yes) {
  if (!process.stdin.isTTY) {
    usageError(`Сброс стирает вашу работу в labs/${lab.id}, поэтому без терминала нужно подтверждение: npm run reset -- ${lab.id} --yes`);
  }
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  const answer = (await prompt.question("Копия ваших файлов будет сохранена в .backups/. Продолжить? [y/N] ")).trim().toLowerCase();
  prompt.close();
  if (!["y", "yes", "д", "да"].includes(answer)) {
    console.log("Отменено: ничего не изменено.");
    process.exit(1);
  }
}

const backup = backupDir(lab.id);
if (current.length > 0) cpSync(dir, backup, { recursive: true });
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
materialize(starter, dir);

if (current.length > 0) console.log(`💾 Ваши файлы сохранены в ${relative(REPO_ROOT, backup)}/`);
console.log(`✅ labs/${lab.id} восстановлена. Проверка: npm run lab -- ${lab.id}`);

function backupDir(id: string): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  let candidate = join(REPO_ROOT, ".backups", `${id}-${stamp}`);
  for (let index = 2; existsSync(candidate); index += 1) candidate = join(REPO_ROOT, ".backups", `${id}-${stamp}-${index}`);
  return candidate;
}

function sameContent(path: string, expected: Buffer): boolean {
  return readFileSync(path).equals(expected);
}

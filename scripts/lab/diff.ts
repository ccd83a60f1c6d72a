/**
 * `npm run diff -- bauth04 [--starter]`: the student's lab against the
 * reference solution (or, with --starter, against the starter it began
 * from), as a unified diff from `git diff --no-index`.
 */
import { spawnSync, type SpawnSyncOptionsWithStringEncoding } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { REPO_ROOT } from "../../tests/support/lab.ts";
import { parseLabCommand, requirePublished, studentLabDir } from "./cli.ts";
import { LAB_TEXT_FILES } from "./hints.ts";
import { listFiles, materialize, readStarter } from "./starter.ts";

const { lab, values } = parseLabCommand("diff", { starter: { type: "boolean", default: false } });
requirePublished(lab);
const mine = relative(REPO_ROOT, studentLabDir(lab.id));
/** Temporary paths in the diff's output, replaced with names a student understands. */
const displayNames: [string, string][] = [];

if (values.starter) {
  const starter = readStarter(lab.id);
  if (typeof starter === "string") {
    console.error(starter);
    process.exit(1);
  }
  const temp = mkdtempSync(join(tmpdir(), `${lab.id}-starter-`));
  let code: number;
  try {
    materialize(starter, temp);
    displayNames.push([relative(REPO_ROOT, temp), `заготовка-${lab.id}`]);
    console.log(`Что вы изменили в ${lab.id} по сравнению с исходной заготовкой (${starter.source}).`);
    console.log(`Строки «-» — заготовка, «+» — ваш код в ${mine}/.\n`);
    code = showDiff(relative(REPO_ROOT, temp), mine, { skipTexts: false });
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
  process.exit(code);
}

const solutionsRoot = join(REPO_ROOT, "solutions");
if (!existsSync(solutionsRoot)) {
  console.log(
    [
      `⚠ Эталонных решений в этом репозитории нет: папки solutions/ не существует.`,
      `Это копия курса для студентов, и решения в неё намеренно не входят — так задания остаются заданиями.`,
      `Что можно сделать вместо этого:`,
      `  • npm run hint -- ${lab.id}            — подсказки к лабе;`,
      `  • npm run diff -- ${lab.id} --starter  — что вы уже изменили по сравнению с исходной заготовкой;`,
      `  • npm run lab -- ${lab.id}             — проверка с названиями непройденных требований.`,
    ].join("\n"),
  );
  process.exit(0);
}
const solution = relative(REPO_ROOT, join(solutionsRoot, lab.id));
if (!existsSync(join(REPO_ROOT, solution))) {
  console.error(`У лабы ${lab.id} нет эталонного решения: папки ${solution}/ нет.`);
  process.exit(1);
}
console.log(`${lab.id} «${lab.title}»: ваш код против эталонного решения.`);
console.log(`Строки «-» — ваш код (${mine}/), «+» — эталон (${solution}/). Файл из /dev/null — его у вас ещё нет.\n`);
process.exit(showDiff(mine, solution, { skipTexts: true }));

/**
 * Diffs two lab folders file by file, so the lab's README and HINTS.md (the
 * task and its hints, which the solution does not repeat) stay out of the way.
 * Returns the command's exit code.
 */
function showDiff(from: string, to: string, options: { skipTexts: boolean }): number {
  const paths = [...new Set([...listFiles(join(REPO_ROOT, from)), ...listFiles(join(REPO_ROOT, to))])].sort();
  let differing = 0;
  for (const path of paths) {
    if (options.skipTexts && LAB_TEXT_FILES.includes(path)) continue;
    const a = join(from, path);
    const b = join(to, path);
    const status = diffFiles(existsSync(join(REPO_ROOT, a)) ? a : "/dev/null", existsSync(join(REPO_ROOT, b)) ? b : "/dev/null");
    if (status === undefined) return 1;
    if (status === 1) differing += 1;
    else if (status !== 0) return 1;
  }
  console.log(differing === 0 ? "Различий нет: файлы совпадают." : `\nФайлов с различиями: ${differing}.`);
  return 0;
}

/** 0: same, 1: differ (both tools), other: failure; undefined when neither git nor diff exists. */
function diffFiles(a: string, b: string): number | undefined {
  const color = process.stdout.isTTY ? "always" : "never";
  const options: SpawnSyncOptionsWithStringEncoding = { cwd: REPO_ROOT, stdio: ["ignore", "pipe", "inherit"], encoding: "utf8" };
  // The solutions carry `// #region` markers for the deck's snippet imports; they are not part of the answer.
  const ignoreRegionMarkers = "-I^\\s*// #(end)?region ";
  const result = spawnSync(
    "git",
    ["-c", "core.quotePath=false", "diff", "--no-index", "--no-prefix", `--color=${color}`, ignoreRegionMarkers, "--", a, b],
    options,
  );
  // No git on the machine: POSIX diff prints the same unified format.
  const shown = result.error ? spawnSync("diff", ["-u", a, b], options) : result;
  if (!shown.error) {
    process.stdout.write(displayNames.reduce((text: string, [path, name]) => text.replaceAll(path, name), shown.stdout));
    return shown.status ?? 2;
  }
  console.error("Для сравнения нужен git или diff, но ни одного из них нет в PATH.");
  return undefined;
}

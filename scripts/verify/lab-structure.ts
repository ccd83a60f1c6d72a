import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { labs } from "../../course/labs.ts";
import { REPO_ROOT } from "../../tests/support/lab.ts";
import { HINTS_FILE, hintProblems, LAB_TEXT_FILES, readmeHintProblems } from "../lab/hints.ts";

/**
 * The lab contract, checked in code as rustlings' `dev check` does, but
 * listing every problem at once. Each message says how to fix it.
 */
export function checkLabStructure(): string[] {
  const problems: string[] = [];
  for (const { id } of labs) {
    const starter = join(REPO_ROOT, "labs", id);
    const solution = join(REPO_ROOT, "solutions", id);
    if (!existsSync(starter)) {
      problems.push(`${id}: нет папки labs/${id}. Создайте стартовый код лабы или уберите её из course/labs.ts.`);
      continue;
    }
    if (!existsSync(solution)) problems.push(`${id}: нет эталонного решения solutions/${id}.`);
    if (!hasGrader(id)) problems.push(`${id}: нет тестов автопроверки tests/${id}.test.ts (или папки tests/${id}/).`);

    const readme = join(starter, "README.md");
    if (!existsSync(readme)) problems.push(`${id}: нет labs/${id}/README.md с заданием.`);
    else {
      // The README only points at the hints: levels inline there are read by anyone scrolling to the doc links.
      for (const problem of readmeHintProblems(readFileSync(readme, "utf8"), id)) problems.push(`${id}: labs/${id}/README.md: ${problem}`);
    }
    const hints = join(starter, HINTS_FILE);
    if (!existsSync(hints)) {
      problems.push(`${id}: нет labs/${id}/${HINTS_FILE}. Создайте его: заголовок, строка «читайте по одному уровню через npm run hint -- ${id}» и три уровня подсказок.`);
    } else {
      // npm run hint shows one level per call, so the file must have all three, in order.
      for (const problem of hintProblems(readFileSync(hints, "utf8"))) problems.push(`${id}: labs/${id}/${HINTS_FILE}: ${problem}`);
    }

    const starterFiles = codeFiles(starter);
    if (!starterFiles.some((file) => readFileSync(join(starter, file), "utf8").includes(`TODO(${id})`))) {
      problems.push(`${id}: в labs/${id} нет ни одного комментария // TODO(${id}): отметьте места, которые меняет студент.`);
    }
    if (!existsSync(solution)) continue;
    const solutionFiles = codeFiles(solution);
    for (const file of solutionFiles) {
      if (/TODO\(bauth\d{2}\)/.test(readFileSync(join(solution, file), "utf8"))) {
        problems.push(`${id}: в solutions/${id}/${file} остался TODO: решение должно быть полным.`);
      }
    }
    // Labs and solutions mirror each other path for path; only generated migrations may be missing from a starter.
    for (const file of starterFiles.filter((file) => !solutionFiles.includes(file))) {
      problems.push(`${id}: файл labs/${id}/${file} есть в стартере, но не в solutions/${id}: добавьте его в решение или удалите.`);
    }
    for (const file of solutionFiles.filter((file) => !starterFiles.includes(file) && !file.startsWith("drizzle/"))) {
      problems.push(`${id}: файл solutions/${id}/${file} есть в решении, но не в labs/${id}: студент должен получить его заготовку.`);
    }
  }

  const listed = new Set<string>(labs.map((lab) => lab.id));
  for (const folder of ["labs", "solutions"]) {
    for (const entry of readdirSync(join(REPO_ROOT, folder))) {
      if (!listed.has(entry)) problems.push(`${folder}/${entry}: лабы нет в course/labs.ts. Добавьте её в список или удалите папку.`);
    }
  }
  return problems;
}

function hasGrader(id: string): boolean {
  return existsSync(join(REPO_ROOT, "tests", `${id}.test.ts`)) || existsSync(join(REPO_ROOT, "tests", id));
}

/** Files of a lab folder, relative to it, without build output and without the lab's texts (README, hints). */
function codeFiles(dir: string): string[] {
  const files: string[] = [];
  const walk = (current: string): void => {
    for (const entry of readdirSync(current)) {
      if (entry === "node_modules" || entry === ".next") continue;
      const path = join(current, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (!(current === dir && LAB_TEXT_FILES.includes(entry))) files.push(relative(dir, path));
    }
  };
  walk(dir);
  return files.sort();
}

/**
 * What every student command shares: reading the lab id from the command line
 * and the two ways out (a usage error is exit code 2, as in rustlings).
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { findLab, labs, type LabInfo } from "../../course/labs.ts";
import { REPO_ROOT } from "../../tests/support/lab.ts";

export const USAGE_ERROR = 2;

/** Prints a message for the student and ends with the usage-error code. */
export function usageError(message: string): never {
  console.error(message);
  process.exit(USAGE_ERROR);
}

/** `bauth04`, `04` and `4` all name lab bauth04. */
export function normalizeLabId(raw: string): string {
  const trimmed = raw.trim().toLowerCase();
  const digits = /^(?:bauth)?(\d{1,2})$/.exec(trimmed)?.[1];
  return digits ? `bauth${digits.padStart(2, "0")}` : trimmed;
}

export function validLabsList(): string {
  return labs.map((lab) => `  ${lab.id}  ${lab.title}`).join("\n");
}

/**
 * Parses `npm run <command> -- <lab> [options]`. A missing or unknown lab id,
 * or an option the command does not know, ends the process with code 2 and a
 * message that lists the valid ids.
 */
export function parseLabCommand<O extends NonNullable<ParseArgsConfig["options"]>>(
  command: string,
  options: O,
  argv: string[] = process.argv.slice(2),
): { lab: LabInfo; values: ReturnType<typeof parseArgs<{ options: O; allowPositionals: true }>>["values"] } {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    usageError(`${(error as Error).message}\nЗапуск: npm run ${command} -- bauth04`);
  }
  const [raw, ...extra] = parsed.positionals;
  if (!raw) usageError(`Укажите лабу: npm run ${command} -- bauth04\nДоступные лабы:\n${validLabsList()}`);
  if (extra.length > 0) usageError(`Лишние аргументы: ${extra.join(" ")}. Укажите одну лабу: npm run ${command} -- bauth04`);
  const lab = findLab(normalizeLabId(raw));
  if (!lab) usageError(`Лабы «${raw}» нет в курсе. Доступные лабы:\n${validLabsList()}`);
  return { lab, values: parsed.values };
}

/** The student's folder of a lab (always `labs/`, whatever LAB_TARGET says). */
export function studentLabDir(id: string, root = REPO_ROOT): string {
  return join(root, "labs", id);
}

/** True when the lab's grader is on disk: `tests/<id>.test.ts` or a folder `tests/<id>/`. */
export function hasGrader(id: string, root = REPO_ROOT): boolean {
  return existsSync(join(root, "tests", `${id}.test.ts`)) || existsSync(join(root, "tests", id));
}

/** The grader's file or folder, as a Vitest filter that matches only this lab (`bauth1` would match bauth10–15). */
export function graderFilter(id: string, root = REPO_ROOT): string {
  return existsSync(join(root, "tests", id)) ? `tests/${id}/` : `tests/${id}.test.ts`;
}

/** Ends with code 2 when a lab is in the course list but not yet in this repository. */
export function requirePublished(lab: LabInfo, root = REPO_ROOT): void {
  if (!existsSync(studentLabDir(lab.id, root))) {
    usageError(`Лаба ${lab.id} «${lab.title}» ещё не опубликована: папки labs/${lab.id} нет. Обновите репозиторий (git pull).`);
  }
}

import { existsSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { describeError, withTimeout } from "./errors.ts";

export type LabTarget = "labs" | "solutions";

export const REPO_ROOT = resolve(import.meta.dirname, "../..");

/** A module that does not finish loading in this time is treated as hanging. */
const IMPORT_LIMIT_MS = 8_000;

/**
 * Which copy of the labs is graded: the student's `labs/` (default), the
 * reference `solutions/`, or a folder inside the repository that holds lab
 * folders (verify grades mutants and alternatives that way; it must be inside
 * the repository so the labs' imports resolve from its node_modules).
 */
export function labTarget(): LabTarget {
  return process.env.LAB_TARGET === "solutions" ? "solutions" : "labs";
}

/** The folder whose `bauthNN/` subfolders are graded. */
export function labRoot(): string {
  const target = process.env.LAB_TARGET ?? "labs";
  if (target === "labs" || target === "solutions") return join(REPO_ROOT, target);
  const root = resolve(REPO_ROOT, target);
  if (relative(REPO_ROOT, root).startsWith("..") || !existsSync(root)) {
    throw new LabError(`LAB_TARGET=${target} не поддерживается: используйте labs, solutions или папку внутри репозитория.`);
  }
  return root;
}

/** Absolute path of a lab's folder in the graded copy. */
export function labDir(id: string): string {
  return join(labRoot(), id);
}

/** Repository-relative path, as a student sees it in the message. */
export function shownPath(id: string, file: string): string {
  return relative(REPO_ROOT, join(labDir(id), file));
}

/** Files whose import never finished: later loads fail at once instead of waiting again. */
const hungImports = new Map<string, string>();

/** A problem with the student's code itself (not a failed requirement): the message says where and what. */
export class LabError extends Error {
  override name = "LabError";
}

/**
 * Imports a file of the graded lab. A missing file, an exception at import or
 * a module that never finishes loading becomes a LabError naming the lab and
 * the file, so one broken lab fails alone and the others are still graded.
 */
export async function importLabFile(id: string, file: string): Promise<Record<string, unknown>> {
  const path = join(labDir(id), file);
  const shown = shownPath(id, file);
  if (!existsSync(path)) throw new LabError(`${id}: файл ${shown} не найден. Создайте его (см. labs/${id}/README.md).`);
  const hung = hungImports.get(path);
  if (hung) throw new LabError(hung);
  const hangMessage = `${id}: модуль ${shown} не загрузился за ${IMPORT_LIMIT_MS / 1000} с (зависает при импорте, например на await без ответа)`;
  let timedOut = false;
  try {
    return await withTimeout(
      import(pathToFileURL(path).href) as Promise<Record<string, unknown>>,
      IMPORT_LIMIT_MS,
      hangMessage,
    ).catch((error: unknown) => {
      timedOut = error instanceof Error && error.message === hangMessage;
      throw error;
    });
  } catch (error) {
    if (timedOut) {
      hungImports.set(path, hangMessage);
      throw new LabError(hangMessage);
    }
    throw new LabError(`${id}: при импорте ${shown} произошла ошибка: ${describeError(error)}`);
  }
}

type ExportKind = "function" | "object" | "string";

/** Checks that a lab module exports what the task asks for, with a message that names the export. */
export function requireExport<T>(module: Record<string, unknown>, name: string, kind: ExportKind, where: string): T {
  const value = module[name];
  const actual = value === null ? "null" : typeof value;
  if (actual !== kind) {
    const found = value === undefined ? "такого экспорта нет" : `найден ${actual}`;
    throw new LabError(`${where}: ожидается экспорт «${name}» (${kind}), но ${found}.`);
  }
  return value as T;
}

/**
 * `npm run classroom:generate` writes .github/workflows/classroom.yml from
 * course/labs.ts; `npm run classroom:check` (or `--check`) fails when the
 * committed file is out of date. `--root <dir>` works on another checkout.
 * A checkout without solutions/ is a student's repository (made by
 * make-student-repo): there the workflow is pinned to a checksum manifest.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { REPO_ROOT } from "../../tests/support/lab.ts";
import { buildManifest, integrityPins, MANIFEST_PATH } from "./protected.ts";
import { renderWorkflow, WORKFLOW_PATH } from "./workflow.ts";

interface Expected {
  path: string;
  content: string;
}

/**
 * The files the generator owns under `root`. With `pin`, the workflow
 * carries the digests of the checksum manifest (a student's repository);
 * without, it carries none and its integrity step always fails (the course).
 */
export function expectedClassroomFiles(root: string, pin: boolean): Expected[] {
  if (!pin) return [{ path: WORKFLOW_PATH, content: renderWorkflow(undefined) }];
  return [
    { path: MANIFEST_PATH, content: buildManifest(root) },
    { path: WORKFLOW_PATH, content: renderWorkflow(integrityPins(root)) },
  ];
}

export function writeClassroomFiles(root: string, pin: boolean): string[] {
  const files = expectedClassroomFiles(root, pin);
  for (const file of files) {
    const target = join(root, file.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.content);
  }
  return files.map((file) => file.path);
}

/** The course repository has the solutions; a student's copy has none and is pinned. */
export function isStudentCopy(root: string): boolean {
  return !existsSync(join(root, "solutions"));
}

/** Problems with the committed files, each saying how to fix it; empty when up to date. */
export function checkClassroomFiles(root: string = REPO_ROOT): string[] {
  const fix = "npm run classroom:generate";
  return expectedClassroomFiles(root, isStudentCopy(root)).flatMap(({ path, content }) => {
    const target = join(root, path);
    if (!existsSync(target)) return [`${path} нет. Создайте его: ${fix}`];
    if (readFileSync(target, "utf8") !== content) {
      return [`${path} устарел (course/labs.ts или генератор изменились после него). Обновите: ${fix} — и закоммитьте.`];
    }
    return [];
  });
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: { check: { type: "boolean", default: false }, root: { type: "string" } },
  });
  const root = values.root ? resolve(values.root) : REPO_ROOT;
  if (values.check) {
    const problems = checkClassroomFiles(root);
    for (const problem of problems) console.error(`❌ ${problem}`);
    if (problems.length > 0) process.exit(1);
    console.log(`✅ ${WORKFLOW_PATH} соответствует course/labs.ts.`);
  } else {
    for (const path of writeClassroomFiles(root, isStudentCopy(root))) console.log(`Записан ${path}`);
  }
}

/**
 * `npm run make-student-repo -- <dir> [--no-git]`: writes the students' copy
 * of the course (the GitHub Classroom template) into an empty folder:
 * - without solutions/ and the course's own checks (student-copy.ts says
 *   what and why), and without the npm scripts that need them;
 * - with `.starters/<id>.json`, the pristine starters `npm run reset` uses
 *   even where there is no git history;
 * - with the deck as it is: its code comes from snippets/ (examples written for
 *   the slides and the labs' contracts), never from solutions/;
 * - with the Classroom workflow pinned to checksums of the grading files;
 * - as a git repository with one commit, ready to push (unless --no-git).
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve, sep } from "node:path";
import { parseArgs } from "node:util";
import { labs } from "../../course/labs.ts";
import { REPO_ROOT } from "../../tests/support/lab.ts";
import { writeClassroomFiles } from "../classroom/generate-workflow.ts";
import { STARTERS_DIR, writeStarterArchive } from "../lab/starter.ts";
import { COURSE_ONLY, isCourseOnly, isCourseOnlyScript, NEVER_COPIED } from "./student-copy.ts";

export interface StudentRepoResult {
  files: number;
  removedScripts: string[];
  starters: string[];
}

const STUDENT_README = "scripts/student-repo/STUDENT_README.md";

export class StudentRepoError extends Error {
  override name = "StudentRepoError";
}

/**
 * Writes the copy from the last commit of the course repository, never from
 * the working tree: a lecturer who solved labs locally, or keeps `.env.local`
 * and notes there, does not publish them. `uncommitted` lists what was left out.
 */
export function makeStudentRepoFromCommit(destination: string, options: { git: boolean }): StudentRepoResult & { uncommitted: string[] } {
  refuseDestination(resolve(destination), REPO_ROOT);
  const snapshot = mkdtempSync(join(tmpdir(), "bauth-student-src-"));
  try {
    const archive = spawnSync("sh", ["-c", `git archive --format=tar HEAD | tar -x -C "${snapshot}"`], { cwd: REPO_ROOT, encoding: "utf8" });
    if (archive.status !== 0) throw new StudentRepoError(`Не удалось взять последний коммит (git archive HEAD): ${archive.stderr.trim()}`);
    return { ...makeStudentRepo(destination, { git: options.git, source: snapshot }), uncommitted: uncommittedChanges() };
  } finally {
    rmSync(snapshot, { recursive: true, force: true });
  }
}

/** `git status` lines of changes that are not in HEAD (ignored files excluded). */
function uncommittedChanges(): string[] {
  const status = spawnSync("git", ["status", "--porcelain", "--untracked-files=all"], { cwd: REPO_ROOT, encoding: "utf8" });
  return status.status === 0 ? status.stdout.split("\n").filter(Boolean) : [];
}

export function makeStudentRepo(destination: string, options: { git: boolean; source?: string }): StudentRepoResult {
  const source = options.source ?? REPO_ROOT;
  const dest = resolve(destination);
  refuseDestination(dest, source);
  const files = sourceFiles(source).filter((path) => !isCourseOnly(path));
  for (const path of files) {
    const target = join(dest, path);
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(join(source, path), target);
  }

  // The course's README speaks to lecturers and maintainers; the copy gets the student's own.
  copyFileSync(join(source, STUDENT_README), join(dest, "README.md"));
  const removedScripts = trimPackageScripts(join(dest, "package.json"));
  const starters = writeStarters(source, dest);
  writeClassroomFiles(dest, true);
  if (options.git) commitAll(dest);
  return { files: files.length, removedScripts, starters };
}

/** The copy is written afresh, and never into the course it comes from. */
function refuseDestination(dest: string, course: string): void {
  if (dest === course || dest.startsWith(`${course}${sep}`)) {
    throw new StudentRepoError(`Папка ${dest} внутри репозитория курса. Укажите папку вне его, например ../bauth-student.`);
  }
  if (existsSync(dest) && readdirSync(dest).length > 0) {
    throw new StudentRepoError(`Папка ${dest} не пуста. Укажите новую или пустую папку: копия пишется начисто.`);
  }
}

/** What git would put in a clone (tracked and new files, minus ignored ones); without git, a walk of the tree. */
function sourceFiles(root: string): string[] {
  const listed = spawnSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: root, encoding: "utf8" });
  if (listed.status === 0) {
    return listed.stdout.split("\0").filter((path) => path && existsSync(join(root, path)));
  }
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join("/"))
    .filter((path) => !NEVER_COPIED.some((dir) => path === dir || path.startsWith(`${dir}/`)));
}

function trimPackageScripts(packageJson: string): string[] {
  const pkg = JSON.parse(readFileSync(packageJson, "utf8")) as { scripts?: Record<string, string> };
  const removed = Object.entries(pkg.scripts ?? {})
    .filter(([, command]) => isCourseOnlyScript(command))
    .map(([name]) => name);
  for (const name of removed) delete pkg.scripts![name];
  writeFileSync(packageJson, `${JSON.stringify(pkg, null, 2)}\n`);
  return removed;
}

function writeStarters(source: string, dest: string): string[] {
  const written = labs.filter((lab) => existsSync(join(source, "labs", lab.id))).map((lab) => lab.id);
  for (const id of written) writeStarterArchive(join(source, "labs", id), id, dest);
  writeFileSync(
    join(dest, STARTERS_DIR, "README.md"),
    [
      "# Исходные заготовки лаб",
      "",
      "Здесь лежат нетронутые стартовые файлы каждой лабы. Их использует",
      "`npm run reset -- bauth04` (вернуть заготовку; ваши файлы сначала копируются в `.backups/`)",
      "и `npm run diff -- bauth04 --starter` (что вы изменили). Редактировать эти файлы не нужно.",
      "",
    ].join("\n"),
  );
  return written;
}

function commitAll(dest: string): void {
  const run = (args: string[]): void => {
    const result = spawnSync("git", args, { cwd: dest, encoding: "utf8" });
    if (result.status !== 0) throw new StudentRepoError(`git ${args[0]} не удался: ${result.stderr || result.error?.message}`);
  };
  run(["init", "-q", "-b", "main"]);
  run(["add", "-A"]);
  run(["-c", "user.name=Better Auth course", "-c", "user.email=course@example.invalid", "commit", "-q", "-m", "Курс «Better Auth в Next.js»: стартовая версия для студентов"]);
}

if (import.meta.main) {
  let parsed;
  try {
    parsed = parseArgs({ allowPositionals: true, options: { "no-git": { type: "boolean", default: false } }, strict: true });
  } catch (error) {
    console.error(`${(error as Error).message}\nЗапуск: npm run make-student-repo -- ../bauth-student [--no-git]`);
    process.exit(2);
  }
  const [destination] = parsed.positionals;
  if (!destination || parsed.positionals.length > 1) {
    console.error("Укажите одну папку для копии: npm run make-student-repo -- ../bauth-student [--no-git]");
    process.exit(2);
  }
  try {
    const result = makeStudentRepoFromCommit(destination, { git: !parsed.values["no-git"] });
    const dest = resolve(destination);
    console.log(`✅ Копия для студентов записана в ${dest} из последнего коммита (файлов: ${result.files}).`);
    if (result.uncommitted.length > 0) {
      console.log(`⚠ Незакоммиченные изменения в копию не вошли (${result.uncommitted.length}):`);
      for (const line of result.uncommitted.slice(0, 20)) console.log(`    ${line}`);
      if (result.uncommitted.length > 20) console.log(`    … и ещё ${result.uncommitted.length - 20}`);
      console.log("  Если они нужны студентам, закоммитьте их и запустите команду снова.");
    }
    console.log("Не вошло в копию:");
    for (const entry of COURSE_ONLY.filter((entry) => existsSync(join(REPO_ROOT, entry.path)))) console.log(`  • ${entry.path} — ${entry.why}`);
    if (result.removedScripts.length > 0) console.log(`Убраны npm-скрипты, которым нужны решения: ${result.removedScripts.join(", ")}`);
    console.log(`Заготовки для npm run reset: ${STARTERS_DIR}/ (${result.starters.join(", ")})`);
    console.log("Автопроверка: .github/workflows/classroom.yml сверяет контрольные суммы из .github/classroom/protected.sha256.");
    console.log(
      parsed.values["no-git"]
        ? "Дальше: git init, коммит и push в шаблонный репозиторий GitHub Classroom."
        : "Дальше: создайте пустой репозиторий на GitHub, git remote add origin … && git push -u origin main, отметьте его как template и выберите в задании Classroom.",
    );
  } catch (error) {
    if (!(error instanceof StudentRepoError)) throw error;
    console.error(`❌ ${error.message}`);
    process.exit(2);
  }
}

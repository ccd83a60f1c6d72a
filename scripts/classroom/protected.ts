/**
 * The files that decide a grade, and the checksum manifest that pins them in
 * a student's repository. A student edits labs/ only; a change to any of
 * these (a weakened test, a grading reporter that always passes, another
 * Vitest or another labs list) makes every Classroom step fail instead.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";

/** Folders are taken whole; `tests/` is also checked for added files. */
export const PROTECTED_PATHS = [
  "tests",
  "vitest.config.ts",
  "package.json",
  "package-lock.json",
  "course/labs.ts",
  "tsconfig.json",
  // `npm test` runs these before Vitest: the Node check and the lab-id filter.
  "scripts/require-node.mjs",
  "scripts/test.ts",
  "scripts/lab/cli.ts",
] as const;

/** The folder whose exact file list is pinned too, so an added test or setup file is caught. */
export const PINNED_TREE = "tests";

/** Where make-student-repo writes the manifest, in `sha256sum` format. */
export const MANIFEST_PATH = ".github/classroom/protected.sha256";

export interface IntegrityPins {
  /** SHA-256 of the manifest file itself, written into the workflow. */
  manifestDigest: string;
  /** SHA-256 of `find tests -type f | LC_ALL=C sort`, written into the workflow. */
  treeDigest: string;
}

export function sha256(data: string | Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}

/** Protected files that exist under `root`, as sorted POSIX paths. */
export function protectedFiles(root: string): string[] {
  const files: string[] = [];
  for (const path of PROTECTED_PATHS) {
    const absolute = join(root, path);
    if (!existsSync(absolute)) continue;
    files.push(...(isDirectory(absolute) ? filesUnder(root, path) : [path]));
  }
  return sortBytes(files);
}

/** `<sha256>  <path>` lines, exactly what `sha256sum --check` reads. */
export function buildManifest(root: string): string {
  return protectedFiles(root)
    .map((path) => `${sha256(readFileSync(join(root, path)))}  ${path}\n`)
    .join("");
}

/** What `find tests -type f | LC_ALL=C sort` prints. */
export function treeListing(root: string): string {
  return filesUnder(root, PINNED_TREE).sort(compareBytes).map((path) => `${path}\n`).join("");
}

export function integrityPins(root: string): IntegrityPins {
  return { manifestDigest: sha256(buildManifest(root)), treeDigest: sha256(treeListing(root)) };
}

const RESTORE_HINT =
  "Верните их к версии из шаблона курса, например: git checkout $(git rev-list --max-parents=0 HEAD) -- " +
  PROTECTED_PATHS.join(" ");

/**
 * The POSIX shell check each Classroom step runs before grading. Without pins
 * (the course repository, which is never a Classroom template) it always
 * fails, so a template made by plain copying cannot grade unchecked.
 */
export function integrityCommand(pins: IntegrityPins | undefined): string {
  if (!pins) {
    return `{ echo 'Контрольных сумм тестов нет: шаблон для Classroom создаётся командой npm run make-student-repo.' >&2; false; }`;
  }
  const checks = [
    `echo '${pins.manifestDigest}  ${MANIFEST_PATH}' | sha256sum --check --quiet --strict -`,
    `sha256sum --check --quiet --strict ${MANIFEST_PATH}`,
    `test "$(find ${PINNED_TREE} -type f | LC_ALL=C sort | sha256sum)" = '${pins.treeDigest}  -'`,
    // An .npmrc could inject code into every npm command (node-options), so there must be none.
    "test ! -e .npmrc",
  ];
  const message = `🚨 Файлы проверки изменены (${PROTECTED_PATHS.join(", ")}, .npmrc): баллы не начисляются. ${RESTORE_HINT}`;
  return `{ { ${checks.join(" && ")}; } || { echo '${message}' >&2; false; }; }`;
}

function isDirectory(path: string): boolean {
  return statSync(path).isDirectory();
}

function filesUnder(root: string, folder: string): string[] {
  const absolute = join(root, folder);
  if (!existsSync(absolute)) return [];
  return readdirSync(absolute, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join("/"));
}

/** `LC_ALL=C sort` compares bytes; so must we, or the pinned listing would differ for non-ASCII names. */
function compareBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

function sortBytes(paths: string[]): string[] {
  return [...paths].sort(compareBytes);
}

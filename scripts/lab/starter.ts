/**
 * Where `npm run reset` and `npm run diff --starter` find a lab's pristine
 * starter. In order:
 * 1. `.starters/<id>.json`, written by `npm run make-student-repo` into the
 *    student's copy. It is a plain committed file, so it works in a fresh
 *    clone, in a ZIP download without history, and after any rebase.
 * 2. git, in the course repository itself (no `.starters/`): there `labs/` IS
 *    the starter, so the version committed at HEAD is the pristine one.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { REPO_ROOT } from "../../tests/support/lab.ts";

export const STARTERS_DIR = ".starters";

export interface Starter {
  /** Lab-relative path (POSIX separators) → file content. */
  files: Map<string, Buffer>;
  /** Where the starter came from, said to the student. */
  source: string;
}

interface StarterArchive {
  schemaVersion: 1;
  lab: string;
  /** Lab-relative path → base64 content, so any file (even binary) survives. */
  files: Record<string, string>;
}

export function starterArchivePath(id: string, root = REPO_ROOT): string {
  return join(root, STARTERS_DIR, `${id}.json`);
}

/** The pristine starter of a lab, or a Russian sentence saying why there is none. */
export function readStarter(id: string, root = REPO_ROOT): Starter | string {
  const archive = starterArchivePath(id, root);
  if (existsSync(archive)) {
    const parsed = JSON.parse(readFileSync(archive, "utf8")) as StarterArchive;
    const files = new Map(Object.entries(parsed.files).map(([path, content]) => [path, Buffer.from(content, "base64")]));
    return { files, source: relative(root, archive) };
  }
  return starterFromGit(id, root);
}

function starterFromGit(id: string, root: string): Starter | string {
  const prefix = `labs/${id}/`;
  const list = git(root, ["ls-tree", "-r", "-z", "--name-only", "HEAD", "--", prefix]);
  if (list.status !== 0) {
    return (
      `Не нашёл исходную заготовку ${id}: нет ни ${STARTERS_DIR}/${id}.json, ни истории git с labs/${id}. ` +
      `Скачайте labs/${id} из репозитория курса заново.`
    );
  }
  const paths = list.stdout.toString("utf8").split("\0").filter(Boolean);
  if (paths.length === 0) return `В последнем коммите (HEAD) нет файлов labs/${id}: восстанавливать нечего.`;
  const files = new Map<string, Buffer>();
  for (const path of paths) {
    const blob = git(root, ["show", `HEAD:${path}`]);
    if (blob.status !== 0) return `git не отдал ${path} из HEAD: ${blob.stderr.toString("utf8").trim()}`;
    files.set(path.slice(prefix.length), blob.stdout);
  }
  const head = git(root, ["rev-parse", "--short", "HEAD"]).stdout.toString("utf8").trim();
  return { files, source: `git, коммит ${head} (HEAD)` };
}

function git(root: string, args: string[]) {
  return spawnSync("git", args, { cwd: root, maxBuffer: 64 * 1024 * 1024 });
}

/** Every file under a folder, as lab-relative POSIX paths. */
export function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join("/"))
    .sort();
}

/** Packs a lab folder (the course's `labs/<id>/`) into the archive format above. */
export function writeStarterArchive(labDir: string, id: string, root: string): void {
  const files: Record<string, string> = {};
  for (const path of listFiles(labDir)) files[path] = readFileSync(join(labDir, path)).toString("base64");
  const archive: StarterArchive = { schemaVersion: 1, lab: id, files };
  const target = starterArchivePath(id, root);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, `${JSON.stringify(archive, null, 1)}\n`);
}

/** Writes a starter's files under `dir` (which should be empty). */
export function materialize(starter: Starter, dir: string): void {
  for (const [path, content] of starter.files) {
    const target = join(dir, ...path.split("/"));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
}

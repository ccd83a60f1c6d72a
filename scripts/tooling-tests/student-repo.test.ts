/**
 * Makes a real student copy with `npm run make-student-repo`, then uses it as
 * a student would: `npm test` grades every lab as not done without crashing,
 * and the lab tooling works there without solutions/ and without git history.
 */
import { spawnSync } from "node:child_process";
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { labs } from "../../course/labs.ts";
import { lectures } from "../../course/lectures";
import type { GradingReport } from "../../tests/support/grading-report.ts";
import { checkClassroomFiles } from "../classroom/generate-workflow.ts";
import { gradingSteps } from "../classroom/workflow.ts";
import { integrityPins } from "../classroom/protected.ts";
import { hasGrader } from "../lab/cli.ts";
import { REPO_ROOT, runCommand, runScript, type CommandResult } from "./helpers.ts";

const parent = mkdtempSync(join(tmpdir(), "bauth-student-"));
const copy = join(parent, "student");
const reportPath = join(parent, "grading.json");
let made: CommandResult;
let graded: CommandResult;
let typecheck: CommandResult;

beforeAll(async () => {
  made = await runScript(REPO_ROOT, "scripts/student-repo/make-student-repo.ts", [copy]);
  if (made.code !== 0) throw new Error(`make-student-repo упал:\n${made.output}`);
  // A student runs npm ci; sharing the course's node_modules keeps the test fast.
  symlinkSync(join(REPO_ROOT, "node_modules"), join(copy, "node_modules"), "dir");
  [graded, typecheck] = await Promise.all([
    runCommand("npm", ["test"], copy, { GRADING_REPORT: reportPath }),
    runCommand(join(copy, "node_modules", ".bin", "tsc"), ["--noEmit", "-p", "tsconfig.json"], copy),
  ]);
});

afterAll(() => rmSync(parent, { recursive: true, force: true }));

describe("make-student-repo", () => {
  it("оставляет решения и проверки курса за бортом, а заготовки и workflow кладёт", () => {
    expect(existsSync(join(copy, "solutions"))).toBe(false);
    expect(existsSync(join(copy, "scripts/verify.ts"))).toBe(false);
    expect(existsSync(join(copy, "scripts/tooling-tests"))).toBe(false);
    expect(existsSync(join(copy, ".github/workflows/ci.yml"))).toBe(false);
    expect(existsSync(join(copy, ".github/workflows/classroom.yml"))).toBe(true);
    const scripts = (JSON.parse(readFileSync(join(copy, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
    expect(scripts).not.toHaveProperty("verify");
    expect(scripts).not.toHaveProperty("test:solutions");
    expect(scripts).toMatchObject({ test: expect.stringContaining("scripts/test.ts"), lab: expect.any(String), hint: expect.any(String), reset: expect.any(String) });
    for (const lab of labs.filter((entry) => existsSync(join(REPO_ROOT, "labs", entry.id)))) {
      expect(existsSync(join(copy, ".starters", `${lab.id}.json`)), lab.id).toBe(true);
    }
    expect(made.output).toContain("Не вошло в копию");
  });

  it("слайды копии не показывают кода из solutions/, и лекция собирается", async () => {
    const pages = readdirSync(join(copy, "pages"), { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(".md"));
    for (const page of [...lectures.map((lecture) => lecture.entry), ...pages.map((file) => `pages/${file}`)]) {
      expect(readFileSync(join(copy, page), "utf8"), page).not.toContain("@/solutions/");
    }
    const check = await runScript(copy, "scripts/deck/check.ts", []);
    expect(check.code, check.output).toBe(0);
    const build = await runCommand("npm", ["run", "build"], copy);
    expect(build.code, build.output).toBe(0);
    for (const page of ["index.html", ...lectures.map((lecture) => `${lecture.out}/index.html`)]) {
      expect(existsSync(join(copy, "dist", page)), page).toBe(true);
    }
  }, 240_000);

  it("копия — git-репозиторий с одним коммитом и чистым деревом", () => {
    const log = spawnSync("git", ["log", "--oneline"], { cwd: copy, encoding: "utf8" });
    expect(log.stdout.trim().split("\n")).toHaveLength(1);
    // Only the test's node_modules symlink is new (`node_modules/` in .gitignore matches a real folder, not a link).
    const status = spawnSync("git", ["status", "--porcelain"], { cwd: copy, encoding: "utf8" }).stdout;
    expect(status.split("\n").filter((line) => line && line !== "?? node_modules")).toEqual([]);
  });

  it("отказывается писать в непустую папку или внутрь репозитория курса (код 2)", async () => {
    const busy = await runScript(REPO_ROOT, "scripts/student-repo/make-student-repo.ts", [copy]);
    expect(busy.code).toBe(2);
    expect(busy.output).toContain("не пуста");
    const inside = await runScript(REPO_ROOT, "scripts/student-repo/make-student-repo.ts", [join(REPO_ROOT, "student-copy")]);
    expect(inside.code).toBe(2);
  });

  it("workflow копии закреплён контрольными суммами, и проверка целостности проходит", () => {
    expect(checkClassroomFiles(copy)).toEqual([]);
    const check = gradingSteps(integrityPins(copy))[0]!.command;
    const result = spawnSync("/bin/sh", ["-c", check], { cwd: copy, encoding: "utf8" });
    expect(`${result.stdout}${result.stderr}`).toBe("");
    expect(result.status).toBe(0);
  });
});

describe("npm test в копии студента", () => {
  it("проходит без сбоя и отчитывается обо всех лабах как о несданных", () => {
    expect(graded.code, graded.output).toBe(1);
    expect(graded.output).not.toMatch(/Unhandled Error|Startup Error|failed to load config/i);
    const report = JSON.parse(readFileSync(reportPath, "utf8")) as GradingReport;
    expect(report.target).toBe("labs");
    expect(report.labs.map((lab) => lab.id)).toEqual(labs.map((lab) => lab.id));
    for (const lab of report.labs) {
      if (!hasGrader(lab.id, copy)) {
        expect(lab.status, lab.id).toBe("not-run");
        continue;
      }
      expect(lab.status, lab.id).toBe("failed");
      expect(lab.points, lab.id).toBe(0);
      // Each lab is graded on its own: a requirement list, or one message that says what to fix.
      expect(lab.tests.total > 0 || lab.error !== null, lab.id).toBe(true);
    }
    expect(report.score.points).toBe(0);
    expect(report.allPassed).toBe(false);
  });

  it("проходит проверку типов (tsc) без solutions/", () => {
    expect(typecheck.output.trim()).toBe("");
    expect(typecheck.code).toBe(0);
  });

  it("npm run progress читает этот отчёт", async () => {
    const result = await runScript(copy, "scripts/lab/progress.ts", [], { GRADING_REPORT: reportPath });
    expect(result.code).toBe(0);
    expect(result.output).toContain(`Прогресс: 0 из ${labs.reduce((sum, lab) => sum + lab.points, 0)} баллов`);
    expect(result.output).toContain("Дальше: npm run lab -- bauth01");
  });
});

describe("инструменты студента в копии", () => {
  it("diff объясняет, что решений в копии нет, и предлагает сравнение с заготовкой", async () => {
    const result = await runScript(copy, "scripts/lab/diff.ts", ["bauth01"]);
    expect(result.code).toBe(0);
    expect(result.output).toContain("Эталонных решений в этом репозитории нет");
    expect(result.output).toContain("npm run diff -- bauth01 --starter");
  });

  it("hint печатает подсказки", async () => {
    const result = await runScript(copy, "scripts/lab/hint.ts", ["bauth02"]);
    expect(result.code).toBe(0);
    expect(result.output).toContain("💡 Подсказки к bauth02");
  });

  it("reset без --yes и без терминала ничего не трогает (код 2)", async () => {
    const file = join(copy, "labs/bauth01/src/lib/env.ts");
    appendFileSync(file, "// моя работа\n");
    const result = await runScript(copy, "scripts/lab/reset.ts", ["bauth01"]);
    expect(result.code).toBe(2);
    expect(result.output).toContain("--yes");
    expect(readFileSync(file, "utf8")).toContain("// моя работа");
  });

  it("reset --yes сохраняет работу в .backups/ и возвращает заготовку из .starters/, даже без истории git", async () => {
    const lab = join(copy, "labs/bauth01");
    const pristine = readFileSync(join(lab, "src/lib/auth.ts"), "utf8");
    writeFileSync(join(lab, "src/lib/auth.ts"), "export const auth = 'моё';\n");
    mkdirSync(join(lab, "src/extra"), { recursive: true });
    writeFileSync(join(lab, "src/extra/notes.ts"), "// черновик\n");
    rmSync(join(copy, ".git"), { recursive: true, force: true });

    const diff = await runScript(copy, "scripts/lab/diff.ts", ["bauth01", "--starter"]);
    expect(diff.code).toBe(0);
    expect(diff.output).toContain("+export const auth = 'моё';");
    expect(diff.output).toContain("заготовка-bauth01/src/lib/auth.ts");

    const result = await runScript(copy, "scripts/lab/reset.ts", ["bauth01", "--yes"]);
    expect(result.code, result.output).toBe(0);
    expect(result.output).toContain(".starters/bauth01.json");
    expect(readFileSync(join(lab, "src/lib/auth.ts"), "utf8")).toBe(pristine);
    expect(existsSync(join(lab, "src/extra/notes.ts"))).toBe(false);
    expect(readFileSync(join(lab, "src/lib/env.ts"), "utf8")).not.toContain("// моя работа");

    const backups = readdirSync(join(copy, ".backups"));
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatch(/^bauth01-\d{4}-/);
    expect(result.output).toContain(`.backups/${backups[0]}/`);
    const saved = join(copy, ".backups", backups[0]!);
    expect(readFileSync(join(saved, "src/lib/auth.ts"), "utf8")).toBe("export const auth = 'моё';\n");
    expect(readFileSync(join(saved, "src/extra/notes.ts"), "utf8")).toBe("// черновик\n");
    expect(readFileSync(join(saved, "src/lib/env.ts"), "utf8")).toContain("// моя работа");
  });
});

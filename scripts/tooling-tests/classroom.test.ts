import { spawnSync } from "node:child_process";
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { labs } from "../../course/labs.ts";
import { POSTGRES_IMAGE } from "../../tests/support/postgres/testcontainers.ts";
import { checkClassroomFiles, writeClassroomFiles } from "../classroom/generate-workflow.ts";
import { integrityPins, MANIFEST_PATH, sha256 } from "../classroom/protected.ts";
import { COMMAND_GRADER, gradingSteps, GRADING_REPORTER, renderWorkflow, SERVICE_DATABASE_URL, WORKFLOW_PATH } from "../classroom/workflow.ts";
import { REPO_ROOT } from "./helpers.ts";

describe("workflow GitHub Classroom", () => {
  const workflow = renderWorkflow(undefined);

  it("закоммиченный .github/workflows/classroom.yml соответствует course/labs.ts", () => {
    expect(checkClassroomFiles(REPO_ROOT)).toEqual([]);
  });

  it("называется так, как требует Classroom: «Autograding Tests», одна задача run-autograding-tests", () => {
    expect(workflow).toMatch(/^name: Autograding Tests$/m);
    expect(workflow.match(/^ {2}\S.*:$/gm)).toEqual(["  run-autograding-tests:"]);
  });

  it("на каждую лабу — шаг command grader с её баллами и DATABASE_URL внутри команды", () => {
    const steps = gradingSteps(undefined);
    for (const lab of labs) {
      const step = steps.find((entry) => entry.id === lab.id);
      expect(step, lab.id).toBeDefined();
      expect(step!.maxScore).toBe(lab.points);
      expect(step!.command).toContain(`DATABASE_URL=${SERVICE_DATABASE_URL}`);
      expect(step!.command).toMatch(new RegExp(`npm test -- ${lab.id}$`));
      expect(workflow).toContain(`        id: ${lab.id}\n`);
      expect(workflow).toContain(`          max-score: ${lab.points}\n`);
    }
    expect(workflow.split(`uses: ${COMMAND_GRADER}`).length - 1).toBe(labs.length + 1);
  });

  it("репортер получает результат каждого шага", () => {
    const ids = gradingSteps(undefined).map((step) => step.id);
    expect(workflow).toContain(`uses: ${GRADING_REPORTER}`);
    expect(workflow).toContain(`runners: ${ids.join(",")}`);
    for (const id of ids) expect(workflow).toContain(`${id.toUpperCase()}_RESULTS: "\${{ steps.${id}.outputs.result }}"`);
  });

  it("поднимает сервис postgres с тем же образом, что и Testcontainers", () => {
    expect(workflow).toContain(`      postgres:\n        image: ${POSTGRES_IMAGE}\n`);
    expect(workflow).toContain("          - 5432:5432");
  });

  it("CI курса гоняет npm run verify на Node из .nvmrc против сервиса postgres по DATABASE_URL", () => {
    const ci = readFileSync(join(REPO_ROOT, ".github/workflows/ci.yml"), "utf8");
    expect(ci).toContain(`image: ${POSTGRES_IMAGE}`);
    expect(ci).toContain(`DATABASE_URL: ${SERVICE_DATABASE_URL}`);
    expect(ci).toContain("node-version-file: .nvmrc");
    expect(ci).toContain("run: npm ci");
    expect(ci).toContain("run: npm run verify");
    expect(readFileSync(join(REPO_ROOT, ".nvmrc"), "utf8").trim()).toBe("24");
  });
});

describe.runIf(spawnSync("sha256sum", ["--version"]).status === 0)("проверка целостности в копии студента", () => {
  const repo = mkdtempSync(join(tmpdir(), "bauth-integrity-"));
  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  const files: Record<string, string> = {
    "tests/bauth01.test.ts": "it('проверяет', () => expect(1).toBe(1));\n",
    "tests/support/helper.ts": "export const x = 1;\n",
    "vitest.config.ts": "export default {};\n",
    "package.json": '{ "scripts": { "test": "vitest run" } }\n',
    "package-lock.json": "{}\n",
    "course/labs.ts": "export const labs = [];\n",
    "tsconfig.json": "{}\n",
    "labs/bauth01/src/lib/auth.ts": "export const auth = {};\n",
  };

  beforeEach(() => {
    rmSync(repo, { recursive: true, force: true });
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(dirname(join(repo, path)), { recursive: true });
      writeFileSync(join(repo, path), content);
    }
    writeClassroomFiles(repo, true);
  });

  /** Runs the exact check the workflow's steps run, with the shell the command grader uses. */
  function integrity(): { code: number | null; output: string } {
    const check = gradingSteps(integrityPins(repo))[0]!;
    expect(readFileSync(join(repo, WORKFLOW_PATH), "utf8")).toContain(JSON.stringify(check.command));
    const result = spawnSync("/bin/sh", ["-c", check.command], { cwd: repo, encoding: "utf8" });
    return { code: result.status, output: `${result.stdout}${result.stderr}` };
  }

  function pinnedIntegrity(): { code: number | null; output: string } {
    // The workflow pins the digests made at generation time; later edits must not move them.
    const workflow = readFileSync(join(repo, WORKFLOW_PATH), "utf8");
    const command = JSON.parse(/ {10}command: (".*")\n/.exec(workflow)![1]!) as string;
    const result = spawnSync("/bin/sh", ["-c", command], { cwd: repo, encoding: "utf8" });
    return { code: result.status, output: `${result.stdout}${result.stderr}` };
  }

  it("проходит на нетронутых файлах, а правка лабы ей не мешает", () => {
    appendFileSync(join(repo, "labs/bauth01/src/lib/auth.ts"), "// моё решение\n");
    expect(integrity().code).toBe(0);
    expect(pinnedIntegrity().code).toBe(0);
  });

  it.each([
    ["изменён тест", () => appendFileSync(join(repo, "tests/bauth01.test.ts"), "// ослаблено\n")],
    ["изменён vitest.config.ts", () => writeFileSync(join(repo, "vitest.config.ts"), "export default { test: { passWithNoTests: true } };\n")],
    ["изменён скрипт test в package.json", () => writeFileSync(join(repo, "package.json"), '{ "scripts": { "test": "true" } }\n')],
    ["удалён файл tests/support", () => unlinkSync(join(repo, "tests/support/helper.ts"))],
    ["добавлен файл в tests/", () => writeFileSync(join(repo, "tests/setup.ts"), "globalThis.x = 1;\n")],
    ["добавлен .npmrc", () => writeFileSync(join(repo, ".npmrc"), "node-options=--require ./hack.cjs\n")],
    [
      "тест изменён, и манифест пересчитан под него",
      () => {
        appendFileSync(join(repo, "tests/bauth01.test.ts"), "// ослаблено\n");
        const honest = sha256(readFileSync(join(repo, "tests/bauth01.test.ts")));
        const manifest = readFileSync(join(repo, MANIFEST_PATH), "utf8").replace(/^\w{64}(?= {2}tests\/bauth01)/m, honest);
        writeFileSync(join(repo, MANIFEST_PATH), manifest);
        expect(spawnSync("sha256sum", ["--check", "--quiet", MANIFEST_PATH], { cwd: repo }).status).toBe(0);
      },
    ],
  ])("падает и объясняет по-русски, если %s", (_, tamper) => {
    tamper();
    const result = pinnedIntegrity();
    expect(result.code).not.toBe(0);
    expect(result.output).toContain("🚨 Файлы проверки изменены");
  });
});
